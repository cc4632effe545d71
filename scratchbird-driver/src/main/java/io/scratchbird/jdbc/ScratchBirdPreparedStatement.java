package io.scratchbird.jdbc;

import io.scratchbird.jdbc.session.ColumnInfo;
import io.scratchbird.jdbc.session.ResultGroup;
import io.scratchbird.wire.codec.TypeOids;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

/**
 * {@link PreparedStatement} over the extended protocol with binary parameter binding: values
 * travel in BIND, encoded by the codec of their type, and are never inlined into the SQL text.
 * {@code ?} markers and {@code :name} markers (an extension: {@link #setObject(String, Object)})
 * are rewritten to {@code $n}. After {@code prepareThreshold} executions the statement is kept
 * prepared on the server under a name (the connection's LRU cache).
 */
public class ScratchBirdPreparedStatement extends ScratchBirdStatement implements PreparedStatement {

    final ParsedSql parsed;
    final String originalSql;
    private final Parameters parameters;
    private final List<Parameters> batch = new ArrayList<>();
    private final String[] keyColumns;
    int executions;
    /** Columns of the last result, for getMetaData() once that result is closed. */
    private List<ColumnInfo> lastColumns;

    ScratchBirdPreparedStatement(ScratchBirdConnection connection, String sql, int type, int concurrency, int holdability,
                                 String[] keyColumns) throws SQLException {
        this(connection, sql, type, concurrency, holdability, keyColumns, 1);
    }

    /** @param firstParameterIndex the JDBC index of the first {@code ?} (2 when index 1 is a function's result) */
    ScratchBirdPreparedStatement(ScratchBirdConnection connection, String sql, int type, int concurrency, int holdability,
                                 String[] keyColumns, int firstParameterIndex) throws SQLException {
        super(connection, type, concurrency, holdability);
        this.originalSql = sql;
        this.parsed = ParsedSql.parse(sql);
        this.parameters = new Parameters(parsed.count(), firstParameterIndex);
        this.keyColumns = keyColumns;
    }

    // ------------------------------------------------------------------ execution

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw new SQLException("the statement did not return a result set: " + abbreviate(originalSql), "02000");
        }
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (execute()) {
            throw resultSetNotExpected(originalSql);
        }
        return Math.max(0, getLargeUpdateCount());
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        parameters.checkComplete();
        synchronized (connection) {
            if (keyColumns != null) {
                connection.executePreparedWithKeys(this, parameters, keyColumns);
                return false;
            }
            ResultGroup g = runTimed(() -> connection.runPrepared(this, parameters, fetchSizeForStreaming()));
            if (g.columns() != null) {
                lastColumns = g.columns();
            }
            setResults(List.of(g));
            return advance();
        }
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        parameters.checkComplete();
        batch.add(parameters.copy());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    /**
     * Pipelined: one PARSE, then BIND+EXECUTE per row and one SYNC per chunk of up to 1000 rows
     * ({@link io.scratchbird.jdbc.session.ProtocolSession#executeBatch}). On a failure the
     * {@link BatchUpdateException} holds the counts of the rows before the failing one, which are
     * the rows that took effect: committed with autoCommit, in the caller's transaction without;
     * the rows after it are undone. Its cause is the failing row's SQLException.
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<Parameters> work = new ArrayList<>(batch);
        batch.clear();
        if (work.isEmpty()) {
            return new long[0];
        }
        synchronized (connection) {
            io.scratchbird.jdbc.session.ProtocolSession.BatchResult r;
            try {
                r = connection.runBatch(this, work);
            } catch (SQLException e) {
                throw new BatchUpdateException("batch failed: " + e.getMessage(), e.getSQLState(), e.getErrorCode(),
                        new long[0], e);
            }
            if (r.failure() != null) {
                SQLException e = r.failure();
                int i = r.counts().length;
                throw new BatchUpdateException("batch entry " + i + " failed: " + e.getMessage(), e.getSQLState(),
                        e.getErrorCode(), r.counts(), e);
            }
            return r.counts();
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] r = new int[counts.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        }
        return r;
    }

    // The Statement methods that take SQL text are not for prepared statements (JDBC 4.3).
    @Override
    public boolean execute(String sql) throws SQLException {
        throw textOnPrepared();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw textOnPrepared();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw textOnPrepared();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw textOnPrepared();
    }

    private static SQLException textOnPrepared() {
        return new SQLException("methods that take SQL text cannot be called on a PreparedStatement", "42809");
    }

    // ------------------------------------------------------------------ parameters

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        parameters.clear();
    }

    @Override
    public void setNull(int i, int sqlType) throws SQLException {
        checkOpen();
        parameters.setNull(i, JdbcTypes.oidOfSqlType(sqlType));
    }

    @Override
    public void setNull(int i, int sqlType, String typeName) throws SQLException {
        setNull(i, sqlType);
    }

    @Override
    public void setBoolean(int i, boolean x) throws SQLException {
        bind(i, TypeOids.BOOL, x);
    }

    @Override
    public void setByte(int i, byte x) throws SQLException {
        bind(i, TypeOids.INT2, (short) x);
    }

    @Override
    public void setShort(int i, short x) throws SQLException {
        bind(i, TypeOids.INT2, x);
    }

    @Override
    public void setInt(int i, int x) throws SQLException {
        bind(i, TypeOids.INT4, x);
    }

    @Override
    public void setLong(int i, long x) throws SQLException {
        bind(i, TypeOids.INT8, x);
    }

    @Override
    public void setFloat(int i, float x) throws SQLException {
        bind(i, TypeOids.FLOAT4, x);
    }

    @Override
    public void setDouble(int i, double x) throws SQLException {
        bind(i, TypeOids.FLOAT8, x);
    }

    @Override
    public void setBigDecimal(int i, BigDecimal x) throws SQLException {
        bind(i, TypeOids.NUMERIC, x);
    }

    /** Strings are sent untyped (OID 0), so the server reads them as the context requires. */
    @Override
    public void setString(int i, String x) throws SQLException {
        checkOpen();
        if (x == null) {
            parameters.setNull(i, TypeOids.VARCHAR);
        } else {
            parameters.setText(i, x);
        }
    }

    @Override
    public void setNString(int i, String x) throws SQLException {
        setString(i, x);
    }

    @Override
    public void setBytes(int i, byte[] x) throws SQLException {
        bind(i, TypeOids.BYTEA, x);
    }

    @Override
    public void setDate(int i, Date x) throws SQLException {
        bind(i, TypeOids.DATE, x == null ? null : x.toLocalDate());
    }

    @Override
    public void setDate(int i, Date x, Calendar cal) throws SQLException {
        bind(i, TypeOids.DATE, x == null ? null
                : cal == null ? x.toLocalDate() : x.toInstant().atZone(cal.getTimeZone().toZoneId()).toLocalDate());
    }

    @Override
    public void setTime(int i, Time x) throws SQLException {
        bind(i, TypeOids.TIME, x == null ? null : x.toLocalTime());
    }

    @Override
    public void setTime(int i, Time x, Calendar cal) throws SQLException {
        bind(i, TypeOids.TIME, x == null ? null : cal == null ? x.toLocalTime()
                : java.time.Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalTime());
    }

    @Override
    public void setTimestamp(int i, Timestamp x) throws SQLException {
        bind(i, TypeOids.TIMESTAMP, x == null ? null : x.toLocalDateTime());
    }

    @Override
    public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
        bind(i, TypeOids.TIMESTAMP, x == null ? null : cal == null ? x.toLocalDateTime()
                : LocalDateTime.ofInstant(x.toInstant(), cal.getTimeZone().toZoneId()));
    }

    @Override
    public void setObject(int i, Object x) throws SQLException {
        checkOpen();
        if (x == null) {
            parameters.setNull(i, TypeOids.UNSPECIFIED);
        } else if (x instanceof String s) {
            parameters.setText(i, s);
        } else if (x instanceof Character c) {
            parameters.setText(i, c.toString());
        } else if (x instanceof java.sql.Date d) {
            setDate(i, d);
        } else if (x instanceof Time t) {
            setTime(i, t);
        } else if (x instanceof Timestamp t) {
            setTimestamp(i, t);
        } else if (x instanceof java.util.Date d) {
            bind(i, TypeOids.TIMESTAMPTZ, d.toInstant());
        } else if (x instanceof Array a) {
            setArray(i, a);
        } else if (x instanceof java.math.BigInteger b) {
            bind(i, TypeOids.NUMERIC, new BigDecimal(b));
        } else if (x instanceof double[]) {
            bind(i, TypeOids.VECTOR, x);
        } else if (io.scratchbird.types.Geometry.isJts(x)) {
            bind(i, TypeOids.POINT, io.scratchbird.types.Geometry.fromJts(x));
        } else {
            int oid = JdbcTypes.oidOfValue(x);
            if (oid == TypeOids.UNSPECIFIED) {
                if (x instanceof io.scratchbird.types.Range<?> r) {
                    parameters.setText(i, r.toString());   // empty / unbounded: the server infers the range type
                    return;
                }
                throw new SQLDataException("cannot bind a " + x.getClass().getName() + "; use a JDBC type, java.time, "
                        + "UUID, or an io.scratchbird.types value", "22023");
            }
            bind(i, oid, x);
        }
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType) throws SQLException {
        checkOpen();
        if (x == null) {
            setNull(i, targetSqlType);
            return;
        }
        int oid = JdbcTypes.oidOfSqlType(targetSqlType);
        if (targetSqlType == Types.OTHER || targetSqlType == Types.JAVA_OBJECT || oid == TypeOids.UNSPECIFIED) {
            setObject(i, x);
            return;
        }
        if (oid == TypeOids.VARCHAR || oid == TypeOids.BPCHAR) {
            parameters.setText(i, x instanceof String s ? s : Conversions.string(x));
            return;
        }
        bind(i, oid, x);
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        if (x instanceof BigDecimal d && (targetSqlType == Types.NUMERIC || targetSqlType == Types.DECIMAL)) {
            bind(i, TypeOids.NUMERIC, d.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP));
            return;
        }
        setObject(i, x, targetSqlType);
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType) throws SQLException {
        setObject(i, x, targetSqlType.getVendorTypeNumber() == null ? Types.OTHER : targetSqlType.getVendorTypeNumber());
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(i, x, targetSqlType.getVendorTypeNumber() == null ? Types.OTHER : targetSqlType.getVendorTypeNumber(),
                scaleOrLength);
    }

    /**
     * Binds a {@code :name} marker (ScratchBird extension): every occurrence of the name gets the value.
     *
     * @throws SQLException 22023 when the statement has no marker of that name
     */
    public void setObject(String name, Object x) throws SQLException {
        Integer number = parsed.names().get(name);
        if (number == null) {
            throw new SQLException("the statement has no parameter named :" + name + " (it has " + parsed.parameterNames() + ")",
                    "22023");
        }
        setObject(number + parameters.firstIndex() - 1, x);
    }

    @Override
    public void setArray(int i, Array x) throws SQLException {
        checkOpen();
        if (x == null) {
            parameters.setNull(i, TypeOids.UNSPECIFIED);
            return;
        }
        int oid = x instanceof ScratchBirdArray sa ? sa.arrayOid() : ScratchBirdArray.arrayOidFor(x.getBaseTypeName());
        bind(i, oid, x);
    }

    @Override
    public void setCharacterStream(int i, Reader reader, int length) throws SQLException {
        setCharacterStream(i, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int i, Reader reader, long length) throws SQLException {
        setString(i, reader == null ? null : Streams.read(reader, length));
    }

    @Override
    public void setCharacterStream(int i, Reader reader) throws SQLException {
        setCharacterStream(i, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int i, Reader value, long length) throws SQLException {
        setCharacterStream(i, value, length);
    }

    @Override
    public void setNCharacterStream(int i, Reader value) throws SQLException {
        setCharacterStream(i, value, -1L);
    }

    @Override
    public void setAsciiStream(int i, InputStream x, int length) throws SQLException {
        setAsciiStream(i, x, (long) length);
    }

    @Override
    public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
        setString(i, x == null ? null : new String(Streams.read(x, length), java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int i, InputStream x) throws SQLException {
        setAsciiStream(i, x, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
        setString(i, x == null ? null : new String(Streams.read(x, length), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
        setBinaryStream(i, x, (long) length);
    }

    @Override
    public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
        setBytes(i, x == null ? null : Streams.read(x, length));
    }

    @Override
    public void setBinaryStream(int i, InputStream x) throws SQLException {
        setBinaryStream(i, x, -1L);
    }

    @Override
    public void setBlob(int i, Blob x) throws SQLException {
        setBytes(i, x == null ? null : x.getBytes(1, (int) x.length()));
    }

    @Override
    public void setBlob(int i, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(i, inputStream, length);
    }

    @Override
    public void setBlob(int i, InputStream inputStream) throws SQLException {
        setBinaryStream(i, inputStream);
    }

    @Override
    public void setClob(int i, Clob x) throws SQLException {
        setString(i, x == null ? null : x.getSubString(1, (int) x.length()));
    }

    @Override
    public void setClob(int i, Reader reader, long length) throws SQLException {
        setCharacterStream(i, reader, length);
    }

    @Override
    public void setClob(int i, Reader reader) throws SQLException {
        setCharacterStream(i, reader);
    }

    @Override
    public void setNClob(int i, NClob value) throws SQLException {
        setClob(i, value);
    }

    @Override
    public void setNClob(int i, Reader reader, long length) throws SQLException {
        setCharacterStream(i, reader, length);
    }

    @Override
    public void setNClob(int i, Reader reader) throws SQLException {
        setCharacterStream(i, reader);
    }

    @Override
    public void setURL(int i, URL x) throws SQLException {
        setString(i, x == null ? null : x.toString());
    }

    @Override
    public void setRef(int i, Ref x) throws SQLException {
        throw new SQLFeatureNotSupportedException("REF values are not supported", "0A000");
    }

    @Override
    public void setRowId(int i, RowId x) throws SQLException {
        throw new SQLFeatureNotSupportedException("ROWID values are not supported", "0A000");
    }

    @Override
    public void setSQLXML(int i, SQLXML xmlObject) throws SQLException {
        setString(i, xmlObject == null ? null : xmlObject.getString());
    }

    private void bind(int i, int oid, Object value) throws SQLException {
        checkOpen();
        parameters.set(i, oid, value);
    }

    /**
     * Whether the next execution, with the parameter types bound now, uses a statement the server
     * keeps prepared (after {@code prepareThreshold} executions of this SQL on the connection).
     */
    public boolean isServerPrepared() throws SQLException {
        checkOpen();
        synchronized (connection) {
            return connection.isServerPrepared(parsed.sql(), parameters.oidList());
        }
    }

    // ------------------------------------------------------------------ metadata

    /**
     * Result metadata is known only after execution (the server describes only parameters, spec
     * H-27): null before, then the columns of the last result, also once it is closed.
     */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return lastColumns == null ? null : new ScratchBirdResultSetMetaData(lastColumns);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new ScratchBirdParameterMetaData(parameters.oidList());
    }

    /** The SQL this statement was prepared with. */
    @Override
    public String toString() {
        return originalSql;
    }
}
