package io.scratchbird.jdbc;

import io.scratchbird.wire.codec.TypeOids;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Basic {@link CallableStatement}: the JDBC escapes {@code {call f(?, ?)}} and
 * {@code {? = call f(?)}} become {@code SELECT * FROM f(…)} / {@code SELECT f(…)}. In the second
 * form parameter 1 is the function's result, an OUT parameter read with the getters by index
 * after {@code registerOutParameter(1, type)} and {@code execute()}; the inputs are numbered
 * from 2. SBWP carries no other OUT parameters (spec 9.15): {@code {call …}} results are read as
 * a result set, and parameters by name are not supported.
 */
public class ScratchBirdCallableStatement extends ScratchBirdPreparedStatement implements CallableStatement {

    private static final Pattern CALL = Pattern.compile("^\\s*\\{\\s*(\\?\\s*=\\s*)?call\\s+(.+?)\\s*}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Whether the escape is {@code {? = call …}}: parameter 1 is then the function's result. */
    private final boolean returnsValue;
    private Integer resultSqlType;
    /** The executed call's single row, positioned; the source of the OUT parameter. */
    private ScratchBirdResultSet result;

    ScratchBirdCallableStatement(ScratchBirdConnection c, String sql, int type, int concurrency, int holdability)
            throws SQLException {
        super(c, translate(sql), type, concurrency, holdability, null, returnsValue(sql) ? 2 : 1);
        this.returnsValue = returnsValue(sql);
    }

    static String translate(String sql) {
        Matcher m = CALL.matcher(sql);
        if (!m.matches()) {
            return sql;
        }
        String call = m.group(2).contains("(") ? m.group(2) : m.group(2) + "()";
        return m.group(1) != null ? "SELECT " + call : "SELECT * FROM " + call;
    }

    private static boolean returnsValue(String sql) {
        Matcher m = CALL.matcher(sql);
        return m.matches() && m.group(1) != null;
    }

    private static SQLException noOut() {
        return new SQLFeatureNotSupportedException("SBWP has no OUT parameters (spec 9.15) other than the result of "
                + "{? = call f(…)}; read other results with executeQuery()", "0A000");
    }

    // ------------------------------------------------------------------ the function's result

    @Override
    public void registerOutParameter(int i, int sqlType) throws SQLException {
        checkOpen();
        if (!returnsValue || i != 1) {
            throw noOut();
        }
        resultSqlType = sqlType;
    }

    @Override
    public void registerOutParameter(int i, int sqlType, int scale) throws SQLException {
        registerOutParameter(i, sqlType);
    }

    @Override
    public void registerOutParameter(int i, int sqlType, String typeName) throws SQLException {
        registerOutParameter(i, sqlType);
    }

    /** With a function result, runs the call and keeps its row for the getters; returns false (no result set). */
    @Override
    public boolean execute() throws SQLException {
        if (!returnsValue) {
            return super.execute();
        }
        if (resultSqlType == null) {
            throw new SQLException("register the function's result with registerOutParameter(1, type) before execute()",
                    "07001");
        }
        closeResult();
        if (!super.execute()) {
            throw new SQLException("the function call returned no result: " + abbreviate(originalSql), "02000");
        }
        ScratchBirdResultSet rs = detachResultSet();
        if (!rs.next()) {
            rs.close();
            throw new SQLException("the function call returned no row: " + abbreviate(originalSql), "02000");
        }
        result = rs;
        return false;
    }

    private void closeResult() throws SQLException {
        if (result != null) {
            result.close();
            result = null;
        }
    }

    @Override
    public void close() throws SQLException {
        if (!isClosed()) {
            closeResult();
        }
        super.close();
    }

    /** The row holding OUT parameter {@code i}, which must be the function's result. */
    private ScratchBirdResultSet out(int i) throws SQLException {
        checkOpen();
        if (!returnsValue || i != 1) {
            throw noOut();
        }
        if (result == null) {
            throw new SQLException("the function's result is read after execute()", "HY010");
        }
        return result;
    }

    @Override
    public boolean wasNull() throws SQLException {
        if (result == null) {
            throw new SQLException("wasNull() is called after reading the function's result", "HY010");
        }
        return result.wasNull();
    }

    /** The JDBC class of the registered type, or the column's own class when the type has no fixed class. */
    @Override
    public Object getObject(int i) throws SQLException {
        ScratchBirdResultSet rs = out(i);
        int oid = JdbcTypes.oidOfSqlType(resultSqlType);
        return oid == TypeOids.UNSPECIFIED ? rs.getObject(1) : rs.getObject(1, JdbcTypes.javaClass(oid));
    }

    @Override public String getString(int i) throws SQLException { return out(i).getString(1); }
    @Override public boolean getBoolean(int i) throws SQLException { return out(i).getBoolean(1); }
    @Override public byte getByte(int i) throws SQLException { return out(i).getByte(1); }
    @Override public short getShort(int i) throws SQLException { return out(i).getShort(1); }
    @Override public int getInt(int i) throws SQLException { return out(i).getInt(1); }
    @Override public long getLong(int i) throws SQLException { return out(i).getLong(1); }
    @Override public float getFloat(int i) throws SQLException { return out(i).getFloat(1); }
    @Override public double getDouble(int i) throws SQLException { return out(i).getDouble(1); }
    @Override @Deprecated public BigDecimal getBigDecimal(int i, int scale) throws SQLException { return out(i).getBigDecimal(1, scale); }
    @Override public byte[] getBytes(int i) throws SQLException { return out(i).getBytes(1); }
    @Override public Date getDate(int i) throws SQLException { return out(i).getDate(1); }
    @Override public Time getTime(int i) throws SQLException { return out(i).getTime(1); }
    @Override public Timestamp getTimestamp(int i) throws SQLException { return out(i).getTimestamp(1); }
    @Override public BigDecimal getBigDecimal(int i) throws SQLException { return out(i).getBigDecimal(1); }
    @Override public Object getObject(int i, Map<String, Class<?>> map) throws SQLException { return getObject(i); }
    @Override public Ref getRef(int i) throws SQLException { throw noOut(); }
    @Override public Blob getBlob(int i) throws SQLException { return out(i).getBlob(1); }
    @Override public Clob getClob(int i) throws SQLException { return out(i).getClob(1); }
    @Override public Array getArray(int i) throws SQLException { return out(i).getArray(1); }
    @Override public Date getDate(int i, Calendar cal) throws SQLException { return out(i).getDate(1, cal); }
    @Override public Time getTime(int i, Calendar cal) throws SQLException { return out(i).getTime(1, cal); }
    @Override public Timestamp getTimestamp(int i, Calendar cal) throws SQLException { return out(i).getTimestamp(1, cal); }
    @Override public URL getURL(int i) throws SQLException { return out(i).getURL(1); }
    @Override public String getNString(int i) throws SQLException { return out(i).getNString(1); }
    @Override public Reader getNCharacterStream(int i) throws SQLException { return out(i).getNCharacterStream(1); }
    @Override public Reader getCharacterStream(int i) throws SQLException { return out(i).getCharacterStream(1); }
    @Override public <T> T getObject(int i, Class<T> type) throws SQLException { return out(i).getObject(1, type); }

    // ------------------------------------------------------------------ not supported: named and other OUT parameters

    @Override public void registerOutParameter(String n, int sqlType) throws SQLException { throw noOut(); }
    @Override public void registerOutParameter(String n, int sqlType, int scale) throws SQLException { throw noOut(); }
    @Override public void registerOutParameter(String n, int sqlType, String typeName) throws SQLException { throw noOut(); }
    @Override public void setURL(String n, URL val) throws SQLException { throw noOut(); }
    @Override public void setNull(String n, int sqlType) throws SQLException { throw noOut(); }
    @Override public void setBoolean(String n, boolean x) throws SQLException { throw noOut(); }
    @Override public void setByte(String n, byte x) throws SQLException { throw noOut(); }
    @Override public void setShort(String n, short x) throws SQLException { throw noOut(); }
    @Override public void setInt(String n, int x) throws SQLException { throw noOut(); }
    @Override public void setLong(String n, long x) throws SQLException { throw noOut(); }
    @Override public void setFloat(String n, float x) throws SQLException { throw noOut(); }
    @Override public void setDouble(String n, double x) throws SQLException { throw noOut(); }
    @Override public void setBigDecimal(String n, BigDecimal x) throws SQLException { throw noOut(); }
    @Override public void setString(String n, String x) throws SQLException { throw noOut(); }
    @Override public void setBytes(String n, byte[] x) throws SQLException { throw noOut(); }
    @Override public void setDate(String n, Date x) throws SQLException { throw noOut(); }
    @Override public void setTime(String n, Time x) throws SQLException { throw noOut(); }
    @Override public void setTimestamp(String n, Timestamp x) throws SQLException { throw noOut(); }
    @Override public void setAsciiStream(String n, InputStream x, int length) throws SQLException { throw noOut(); }
    @Override public void setBinaryStream(String n, InputStream x, int length) throws SQLException { throw noOut(); }
    @Override public void setObject(String n, Object x, int targetSqlType, int scale) throws SQLException { throw noOut(); }
    @Override public void setObject(String n, Object x, int targetSqlType) throws SQLException { throw noOut(); }
    @Override public void setCharacterStream(String n, Reader reader, int length) throws SQLException { throw noOut(); }
    @Override public void setDate(String n, Date x, Calendar cal) throws SQLException { throw noOut(); }
    @Override public void setTime(String n, Time x, Calendar cal) throws SQLException { throw noOut(); }
    @Override public void setTimestamp(String n, Timestamp x, Calendar cal) throws SQLException { throw noOut(); }
    @Override public void setNull(String n, int sqlType, String typeName) throws SQLException { throw noOut(); }
    @Override public String getString(String n) throws SQLException { throw noOut(); }
    @Override public boolean getBoolean(String n) throws SQLException { throw noOut(); }
    @Override public byte getByte(String n) throws SQLException { throw noOut(); }
    @Override public short getShort(String n) throws SQLException { throw noOut(); }
    @Override public int getInt(String n) throws SQLException { throw noOut(); }
    @Override public long getLong(String n) throws SQLException { throw noOut(); }
    @Override public float getFloat(String n) throws SQLException { throw noOut(); }
    @Override public double getDouble(String n) throws SQLException { throw noOut(); }
    @Override public byte[] getBytes(String n) throws SQLException { throw noOut(); }
    @Override public Date getDate(String n) throws SQLException { throw noOut(); }
    @Override public Time getTime(String n) throws SQLException { throw noOut(); }
    @Override public Timestamp getTimestamp(String n) throws SQLException { throw noOut(); }
    @Override public Object getObject(String n) throws SQLException { throw noOut(); }
    @Override public BigDecimal getBigDecimal(String n) throws SQLException { throw noOut(); }
    @Override public Object getObject(String n, Map<String, Class<?>> map) throws SQLException { throw noOut(); }
    @Override public Ref getRef(String n) throws SQLException { throw noOut(); }
    @Override public Blob getBlob(String n) throws SQLException { throw noOut(); }
    @Override public Clob getClob(String n) throws SQLException { throw noOut(); }
    @Override public Array getArray(String n) throws SQLException { throw noOut(); }
    @Override public Date getDate(String n, Calendar cal) throws SQLException { throw noOut(); }
    @Override public Time getTime(String n, Calendar cal) throws SQLException { throw noOut(); }
    @Override public Timestamp getTimestamp(String n, Calendar cal) throws SQLException { throw noOut(); }
    @Override public URL getURL(String n) throws SQLException { throw noOut(); }
    @Override public RowId getRowId(int i) throws SQLException { throw noOut(); }
    @Override public RowId getRowId(String n) throws SQLException { throw noOut(); }
    @Override public void setRowId(String n, RowId x) throws SQLException { throw noOut(); }
    @Override public void setNString(String n, String value) throws SQLException { throw noOut(); }
    @Override public void setNCharacterStream(String n, Reader value, long length) throws SQLException { throw noOut(); }
    @Override public void setNClob(String n, NClob value) throws SQLException { throw noOut(); }
    @Override public void setClob(String n, Reader reader, long length) throws SQLException { throw noOut(); }
    @Override public void setBlob(String n, InputStream inputStream, long length) throws SQLException { throw noOut(); }
    @Override public void setNClob(String n, Reader reader, long length) throws SQLException { throw noOut(); }
    @Override public NClob getNClob(int i) throws SQLException { throw noOut(); }
    @Override public NClob getNClob(String n) throws SQLException { throw noOut(); }
    @Override public void setSQLXML(String n, SQLXML xmlObject) throws SQLException { throw noOut(); }
    @Override public SQLXML getSQLXML(int i) throws SQLException { throw noOut(); }
    @Override public SQLXML getSQLXML(String n) throws SQLException { throw noOut(); }
    @Override public String getNString(String n) throws SQLException { throw noOut(); }
    @Override public Reader getNCharacterStream(String n) throws SQLException { throw noOut(); }
    @Override public Reader getCharacterStream(String n) throws SQLException { throw noOut(); }
    @Override public void setBlob(String n, Blob x) throws SQLException { throw noOut(); }
    @Override public void setClob(String n, Clob x) throws SQLException { throw noOut(); }
    @Override public void setAsciiStream(String n, InputStream x, long length) throws SQLException { throw noOut(); }
    @Override public void setBinaryStream(String n, InputStream x, long length) throws SQLException { throw noOut(); }
    @Override public void setCharacterStream(String n, Reader reader, long length) throws SQLException { throw noOut(); }
    @Override public void setAsciiStream(String n, InputStream x) throws SQLException { throw noOut(); }
    @Override public void setBinaryStream(String n, InputStream x) throws SQLException { throw noOut(); }
    @Override public void setCharacterStream(String n, Reader reader) throws SQLException { throw noOut(); }
    @Override public void setNCharacterStream(String n, Reader value) throws SQLException { throw noOut(); }
    @Override public void setClob(String n, Reader reader) throws SQLException { throw noOut(); }
    @Override public void setBlob(String n, InputStream inputStream) throws SQLException { throw noOut(); }
    @Override public void setNClob(String n, Reader reader) throws SQLException { throw noOut(); }
    @Override public <T> T getObject(String n, Class<T> type) throws SQLException { throw noOut(); }

}
