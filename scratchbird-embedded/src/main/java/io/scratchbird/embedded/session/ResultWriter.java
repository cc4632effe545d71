package io.scratchbird.embedded.session;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.ResultColumn;
import io.scratchbird.embedded.sql.RowCursor;
import io.scratchbird.embedded.sql.SqlType;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.codec.ValueCodec;
import io.scratchbird.wire.message.DataRow;
import io.scratchbird.wire.message.LegacyRowDescription;
import io.scratchbird.wire.message.RowDescription;
import io.scratchbird.wire.message.TypeRefs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/**
 * Writes a result set: ROW_DESCRIPTION and DATA_ROW frames, one codec per column.
 *
 * <p>Normal mode describes the declared column types, also for empty results, and encodes each
 * column in the format the client asked for. Reference-quirks mode reproduces the upstream
 * server (spec 7.7, 13.2): every value as text, column types inferred from the first row, and no
 * ROW_DESCRIPTION when there are no rows.
 */
final class ResultWriter {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*\\.[0-9]*");

    /** How many rows went out, and whether the cursor has more. */
    record Outcome(long rows, boolean suspended) {
    }

    private final WireConnection conn;
    private final Layout layout;
    private final boolean quirks;

    ResultWriter(WireConnection conn, Layout layout, boolean quirks) {
        this.conn = conn;
        this.layout = layout;
        this.quirks = quirks;
    }

    /**
     * Streams rows from {@code cursor}.
     *
     * @param describe whether to send ROW_DESCRIPTION first (false when resuming a suspended portal)
     * @param limit    stop after this many rows (0 = all), leaving the cursor open
     */
    Outcome write(RowCursor cursor, IntUnaryOperator formatOf, boolean describe, long limit)
            throws IOException, EngineException {
        List<ResultColumn> columns = cursor.columns();
        int n = columns.size();
        ValueCodec<Object>[] codecs = codecs(columns);
        int[] formats = new int[n];
        for (int i = 0; i < n; i++) {
            formats[i] = quirks || codecs[i] == null ? ValueCodec.FORMAT_TEXT : formatOf.applyAsInt(i);
        }
        long rows = 0;
        Object[] row = cursor.next();
        if (describe) {
            if (quirks) {
                if (row == null) {
                    return new Outcome(0, false);
                }
                conn.send(inferredDescription(columns, codecs, row));
            } else {
                conn.send(declaredDescription(columns, formats));
            }
        }
        while (row != null) {
            conn.send(encode(row, codecs, formats));
            rows++;
            if (limit > 0 && rows >= limit) {
                return new Outcome(rows, true);
            }
            row = cursor.next();
        }
        return new Outcome(rows, false);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})   // generic array creation: one codec per column
    private static ValueCodec<Object>[] codecs(List<ResultColumn> columns) {
        ValueCodec<Object>[] codecs = new ValueCodec[columns.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = (ValueCodec<Object>) Codecs.byOid(columns.get(i).type().oid());
        }
        return codecs;
    }

    private static DataRow encode(Object[] row, ValueCodec<Object>[] codecs, int[] formats) {
        byte[][] cells = new byte[row.length][];
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            if (v == null) {
                continue;
            }
            ValueCodec<Object> c = codecs[i];
            cells[i] = c == null ? String.valueOf(v).getBytes(StandardCharsets.UTF_8) : c.encode(formats[i], v);
        }
        return DataRow.of(cells);
    }

    private io.scratchbird.wire.message.ServerMessage declaredDescription(List<ResultColumn> columns, int[] formats) {
        if (layout == Layout.LEGACY) {
            List<LegacyRowDescription.Column> cols = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                ResultColumn c = columns.get(i);
                cols.add(new LegacyRowDescription.Column(c.label(), 0, i, c.type().oid(), typeSize(c.type().oid()), -1,
                        formats[i], c.nullable() ? 1 : 0));
            }
            return new LegacyRowDescription(cols);
        }
        List<RowDescription.Column> cols = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn c = columns.get(i);
            SqlType t = c.type();
            long precision = t.oid() == TypeOids.VECTOR ? t.dimension() : t.precision();
            cols.add(RowDescription.Column.of(i + 1, c.label(), TypeRefs.declared(t.oid(), precision, t.scale()),
                    c.nullable(), formats[i] == ValueCodec.FORMAT_BINARY ? RowDescription.Column.FORMAT_BINARY
                            : RowDescription.Column.FORMAT_TEXT, Map.of()));
        }
        return RowDescription.of(RowDescription.KIND_ROWSET, cols);
    }

    /** Spec 7.7: bool / int8 / numeric / text from the first row's text; every column nullable. */
    private io.scratchbird.wire.message.ServerMessage inferredDescription(List<ResultColumn> columns,
                                                                          ValueCodec<Object>[] codecs, Object[] first) {
        int[] oids = new int[columns.size()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = first[i] == null ? TypeOids.TEXT : inferOid(text(codecs[i], first[i]));
        }
        if (layout == Layout.LEGACY) {
            List<LegacyRowDescription.Column> cols = new ArrayList<>();
            for (int i = 0; i < oids.length; i++) {
                cols.add(new LegacyRowDescription.Column(columns.get(i).label(), 0, i, oids[i], (short) -1, -1, 0, 1));
            }
            return new LegacyRowDescription(cols);
        }
        List<RowDescription.Column> cols = new ArrayList<>();
        for (int i = 0; i < oids.length; i++) {
            cols.add(RowDescription.Column.of(i + 1, columns.get(i).label(), TypeRefs.upstream(oids[i]), true,
                    RowDescription.Column.FORMAT_TEXT, Map.of()));
        }
        return RowDescription.of(RowDescription.KIND_ROWSET, cols);
    }

    static int inferOid(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false") || t.equalsIgnoreCase("t") || t.equalsIgnoreCase("f")) {
            return TypeOids.BOOL;
        }
        if (INTEGER.matcher(t).matches()) {
            return TypeOids.INT8;
        }
        if (DECIMAL.matcher(t).matches() && t.chars().anyMatch(Character::isDigit)) {
            return TypeOids.NUMERIC;
        }
        return TypeOids.TEXT;
    }

    private static String text(ValueCodec<Object> codec, Object v) {
        return codec == null ? String.valueOf(v) : codec.encodeText(v);
    }

    private static short typeSize(int oid) {
        return switch (oid) {
            case TypeOids.BOOL -> 1;
            case TypeOids.INT2 -> 2;
            case TypeOids.INT4, TypeOids.FLOAT4, TypeOids.DATE -> 4;
            case TypeOids.INT8, TypeOids.FLOAT8, TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ -> 8;
            case TypeOids.UUID, TypeOids.INTERVAL -> 16;
            default -> -1;
        };
    }
}
