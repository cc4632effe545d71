package io.scratchbird.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * The parts of {@link ResultSet} that are the same for every read-only result: getters by
 * column label delegate to the index getters, and every update method is refused (our result
 * sets are {@code CONCUR_READ_ONLY}).
 */
abstract class ReadOnlyResultSet implements ResultSet {

    private static SQLException readOnly() {
        return new SQLFeatureNotSupportedException("result sets are read-only (CONCUR_READ_ONLY); use UPDATE statements", "0A000");
    }

    @Override
    public String getString(String a0) throws SQLException {
        return getString(findColumn(a0));
    }

    @Override
    public boolean getBoolean(String a0) throws SQLException {
        return getBoolean(findColumn(a0));
    }

    @Override
    public byte getByte(String a0) throws SQLException {
        return getByte(findColumn(a0));
    }

    @Override
    public short getShort(String a0) throws SQLException {
        return getShort(findColumn(a0));
    }

    @Override
    public int getInt(String a0) throws SQLException {
        return getInt(findColumn(a0));
    }

    @Override
    public long getLong(String a0) throws SQLException {
        return getLong(findColumn(a0));
    }

    @Override
    public float getFloat(String a0) throws SQLException {
        return getFloat(findColumn(a0));
    }

    @Override
    public double getDouble(String a0) throws SQLException {
        return getDouble(findColumn(a0));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String a0, int a1) throws SQLException {
        return getBigDecimal(findColumn(a0), a1);
    }

    @Override
    public byte[] getBytes(String a0) throws SQLException {
        return getBytes(findColumn(a0));
    }

    @Override
    public Date getDate(String a0) throws SQLException {
        return getDate(findColumn(a0));
    }

    @Override
    public Time getTime(String a0) throws SQLException {
        return getTime(findColumn(a0));
    }

    @Override
    public Timestamp getTimestamp(String a0) throws SQLException {
        return getTimestamp(findColumn(a0));
    }

    @Override
    public InputStream getAsciiStream(String a0) throws SQLException {
        return getAsciiStream(findColumn(a0));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String a0) throws SQLException {
        return getUnicodeStream(findColumn(a0));
    }

    @Override
    public InputStream getBinaryStream(String a0) throws SQLException {
        return getBinaryStream(findColumn(a0));
    }

    @Override
    public Object getObject(String a0) throws SQLException {
        return getObject(findColumn(a0));
    }

    @Override
    public Reader getCharacterStream(String a0) throws SQLException {
        return getCharacterStream(findColumn(a0));
    }

    @Override
    public BigDecimal getBigDecimal(String a0) throws SQLException {
        return getBigDecimal(findColumn(a0));
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        return false;
    }

    @Override
    public boolean rowInserted() throws SQLException {
        return false;
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        return false;
    }

    @Override
    public void updateNull(int a0) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBoolean(int a0, boolean a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateByte(int a0, byte a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateShort(int a0, short a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateInt(int a0, int a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateLong(int a0, long a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateFloat(int a0, float a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDouble(int a0, double a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBigDecimal(int a0, BigDecimal a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateString(int a0, String a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBytes(int a0, byte[] a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDate(int a0, Date a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTime(int a0, Time a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTimestamp(int a0, Timestamp a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int a0, Reader a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int a0, Object a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int a0, Object a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNull(String a0) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBoolean(String a0, boolean a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateByte(String a0, byte a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateShort(String a0, short a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateInt(String a0, int a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateLong(String a0, long a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateFloat(String a0, float a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDouble(String a0, double a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBigDecimal(String a0, BigDecimal a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateString(String a0, String a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBytes(String a0, byte[] a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDate(String a0, Date a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTime(String a0, Time a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTimestamp(String a0, Timestamp a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String a0, InputStream a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String a0, InputStream a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String a0, Reader a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String a0, Object a1, int a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String a0, Object a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void insertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void deleteRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void refreshRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        // nothing to refresh or cancel: rows are never updated
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        // nothing to refresh or cancel: rows are never updated
    }

    @Override
    public Object getObject(String a0, Map<String, Class<?>> a1) throws SQLException {
        return getObject(findColumn(a0), a1);
    }

    @Override
    public Ref getRef(String a0) throws SQLException {
        return getRef(findColumn(a0));
    }

    @Override
    public Blob getBlob(String a0) throws SQLException {
        return getBlob(findColumn(a0));
    }

    @Override
    public Clob getClob(String a0) throws SQLException {
        return getClob(findColumn(a0));
    }

    @Override
    public Array getArray(String a0) throws SQLException {
        return getArray(findColumn(a0));
    }

    @Override
    public Date getDate(String a0, Calendar a1) throws SQLException {
        return getDate(findColumn(a0), a1);
    }

    @Override
    public Time getTime(String a0, Calendar a1) throws SQLException {
        return getTime(findColumn(a0), a1);
    }

    @Override
    public Timestamp getTimestamp(String a0, Calendar a1) throws SQLException {
        return getTimestamp(findColumn(a0), a1);
    }

    @Override
    public URL getURL(String a0) throws SQLException {
        return getURL(findColumn(a0));
    }

    @Override
    public void updateRef(int a0, Ref a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRef(String a0, Ref a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int a0, Blob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String a0, Blob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int a0, Clob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String a0, Clob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateArray(int a0, Array a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateArray(String a0, Array a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public RowId getRowId(String a0) throws SQLException {
        return getRowId(findColumn(a0));
    }

    @Override
    public void updateRowId(int a0, RowId a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRowId(String a0, RowId a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNString(int a0, String a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNString(String a0, String a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int a0, NClob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String a0, NClob a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public NClob getNClob(String a0) throws SQLException {
        return getNClob(findColumn(a0));
    }

    @Override
    public SQLXML getSQLXML(String a0) throws SQLException {
        return getSQLXML(findColumn(a0));
    }

    @Override
    public void updateSQLXML(int a0, SQLXML a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateSQLXML(String a0, SQLXML a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public String getNString(String a0) throws SQLException {
        return getNString(findColumn(a0));
    }

    @Override
    public Reader getNCharacterStream(String a0) throws SQLException {
        return getNCharacterStream(findColumn(a0));
    }

    @Override
    public void updateNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(String a0, Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int a0, Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String a0, InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String a0, InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String a0, Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int a0, InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String a0, InputStream a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int a0, Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String a0, Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int a0, Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String a0, Reader a1, long a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(int a0, Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(String a0, Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int a0, InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int a0, InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int a0, Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String a0, InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String a0, InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String a0, Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int a0, InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String a0, InputStream a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int a0, Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String a0, Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int a0, Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String a0, Reader a1) throws SQLException {
        throw readOnly();
    }

    @Override
    public <T> T getObject(String a0, Class<T> a1) throws SQLException {
        return getObject(findColumn(a0), a1);
    }

    @Override
    public void updateObject(int a0, Object a1, SQLType a2, int a3) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String a0, Object a1, SQLType a2, int a3) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int a0, Object a1, SQLType a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String a0, Object a1, SQLType a2) throws SQLException {
        throw readOnly();
    }

    @Override
    public int getConcurrency() throws SQLException {
        return CONCUR_READ_ONLY;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
