package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession.Parameter;
import io.scratchbird.embedded.sql.SqlErrors;
import io.scratchbird.embedded.sql.TranslatedStatement;
import io.scratchbird.embedded.sql.functions.GeometryValues;
import io.scratchbird.embedded.sql.functions.Ranges;
import io.scratchbird.types.Geometry;
import io.scratchbird.types.Interval;
import io.scratchbird.types.JsonDocument;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.ValueCodec;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Binds client parameters to storage positions. Values of types stored as text (json, ranges,
 * vectors) are bound as their canonical text; geometries as JTS objects carrying the SRID;
 * intervals as storage intervals; lists as arrays. An unspecified parameter (OID 0) is text that
 * storage converts to whatever the statement's context needs ({@code '[1,5)'} into a range column,
 * {@code '2026-01-01'} into a date).
 */
final class ParameterBinder {

    private ParameterBinder() {
    }

    static void bind(PreparedStatement ps, TranslatedStatement statement, List<Parameter> parameters)
            throws SQLException, EngineException {
        int supplied = parameters == null ? 0 : parameters.size();
        if (supplied != statement.parameterCount()) {
            throw new EngineException("08P01", SqlErrors.REJECTED, "bind message supplies " + supplied
                    + " parameters, but the statement requires " + statement.parameterCount());
        }
        int[] sources = statement.parameterSources();
        for (int p = 0; p < sources.length; p++) {
            Parameter parameter = parameters.get(sources[p]);
            bind(ps, p + 1, parameter.oid(), parameter.value());
        }
    }

    static void bind(PreparedStatement ps, int position, int oid, Object value) throws SQLException, EngineException {
        if (value == null) {
            ps.setObject(position, null);
        } else if (value instanceof JsonDocument json) {
            ps.setString(position, json.text());
        } else if (value instanceof Range<?> range) {
            ValueCodec<?> codec = Codecs.byOid(oid);
            ps.setString(position, codec != null && Ranges.codec(codec.typeName()) != null
                    ? Ranges.format(codec.typeName(), range) : range.toString());
        } else if (value instanceof Vector || value instanceof Character) {
            ps.setString(position, value.toString());
        } else if (value instanceof Geometry geometry) {
            ps.setObject(position, GeometryValues.toJts(geometry));
        } else if (value instanceof Interval interval) {
            ps.setObject(position, storageInterval(interval));
        } else if (value instanceof List<?> list) {
            ps.setObject(position, list.toArray());
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(position, bytes);
        } else {
            ps.setObject(position, value);
        }
    }

    /** Months alone become a year-month interval, days and time a day-time one; both at once cannot be stored. */
    private static org.h2.api.Interval storageInterval(Interval i) throws EngineException {
        if (i.months() != 0) {
            if (i.days() != 0 || i.micros() != 0) {
                throw new EngineException("22015", SqlErrors.REJECTED,
                        "an interval with both months and days or time (" + i + ") cannot be stored");
            }
            return org.h2.api.Interval.ofYearsMonths(i.months() / 12, i.months() % 12);
        }
        try {
            long micros = Math.addExact(Math.multiplyExact((long) i.days(), 86_400_000_000L), i.micros());
            return org.h2.api.Interval.ofNanos(Math.multiplyExact(micros, 1000L));
        } catch (ArithmeticException e) {
            throw new EngineException("22015", SqlErrors.REJECTED, "interval field value out of range: " + i);
        }
    }
}
