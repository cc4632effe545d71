package io.scratchbird.embedded.sql;

import java.util.List;

/**
 * Rows of one result, read lazily so a huge result never sits in server memory. Values are the
 * Java types the driver's codecs encode for each column's {@link SqlType#oid()} (Integer, Long,
 * BigDecimal, String, byte[], java.time types, UUID, and the driver's Json, Jsonb, Range,
 * Geometry, Vector, Interval, java.util.List for arrays); SQL NULL is {@code null}.
 */
public interface RowCursor extends AutoCloseable {

    List<ResultColumn> columns();

    /** @return the next row, or {@code null} after the last one */
    Object[] next() throws EngineException;

    @Override
    void close();
}
