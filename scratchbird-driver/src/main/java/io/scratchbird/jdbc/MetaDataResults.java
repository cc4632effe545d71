package io.scratchbird.jdbc;

import io.scratchbird.jdbc.session.ColumnInfo;
import io.scratchbird.jdbc.session.ResultGroup;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.codec.ValueCodec;
import io.scratchbird.wire.message.DataRow;

import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Result sets the driver computes itself (DatabaseMetaData): columns of a fixed layout, rows
 * encoded in text form with the value codecs, read back by an ordinary {@link ScratchBirdResultSet}.
 */
final class MetaDataResults {

    static final int TEXT = TypeOids.TEXT;
    static final int INT = TypeOids.INT4;
    static final int SHORT = TypeOids.INT2;
    static final int LONG = TypeOids.INT8;
    static final int BOOL = TypeOids.BOOL;

    private final List<ColumnInfo> columns = new ArrayList<>();
    private final List<DataRow> rows = new ArrayList<>();

    /** Columns as alternating label, OID pairs. */
    static MetaDataResults of(Object... labelsAndOids) {
        MetaDataResults r = new MetaDataResults();
        for (int i = 0; i < labelsAndOids.length; i += 2) {
            r.columns.add(new ColumnInfo((String) labelsAndOids[i], (Integer) labelsAndOids[i + 1], false,
                    DatabaseMetaData.columnNullableUnknown, null));
        }
        return r;
    }

    int columnCount() {
        return columns.size();
    }

    /** Adds a row; values are converted to the column's type (numbers, booleans, strings), null is NULL. */
    MetaDataResults row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        byte[][] cells = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v != null) {
                int oid = columns.get(i).oid();
                Object typed = switch (oid) {
                    case TypeOids.INT2 -> ((Number) v).shortValue();
                    case TypeOids.INT4 -> ((Number) v).intValue();
                    case TypeOids.INT8 -> ((Number) v).longValue();
                    case TypeOids.BOOL -> (Boolean) v;
                    default -> v.toString();
                };
                @SuppressWarnings("unchecked")
                ValueCodec<Object> codec = (ValueCodec<Object>) Codecs.byOid(oid);
                cells[i] = codec.encodeText(typed).getBytes(StandardCharsets.UTF_8);
            }
        }
        rows.add(DataRow.of(cells));
        return this;
    }

    ResultSet build() throws SQLException {
        return new ScratchBirdResultSet(null, ResultGroup.computed(columns, rows), ResultSet.TYPE_SCROLL_INSENSITIVE, 0);
    }
}
