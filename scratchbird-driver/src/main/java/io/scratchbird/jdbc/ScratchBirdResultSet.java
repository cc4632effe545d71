package io.scratchbird.jdbc;

import io.scratchbird.jdbc.session.ColumnInfo;
import io.scratchbird.jdbc.session.ResultGroup;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.codec.ValueCodec;
import io.scratchbird.wire.message.DataRow;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only result set. Forward-only results over a suspended portal fetch the next page when
 * the current one runs out (bounded memory); other results hold their rows. Cells are decoded on
 * access, straight from the frame bytes, by the codec of the column's type.
 */
public class ScratchBirdResultSet extends ReadOnlyResultSet {

    private final ScratchBirdStatement statement;
    private final List<ColumnInfo> columns;
    private final int type;
    private final int maxRows;
    private List<DataRow> rows;
    private String portal;
    private int index = -1;
    /** Forward-only: rows read so far (the page index restarts with every fetched page). */
    private long rowNumber;
    /** Forward-only: next() has returned false. */
    private boolean exhausted;
    private boolean closed;
    private boolean wasNull;
    private int fetchSize;
    private Map<String, Integer> columnIndex;
    private ScratchBirdResultSetMetaData metaData;

    ScratchBirdResultSet(ScratchBirdStatement statement, ResultGroup group, int type, int maxRows) throws SQLException {
        this.statement = statement;
        this.columns = group.columns() == null ? List.of() : group.columns();
        this.type = type;
        this.maxRows = maxRows;
        this.rows = new ArrayList<>(group.rows());
        this.portal = group.suspended() ? group.portal() : null;
        this.fetchSize = statement == null ? 0 : statement.getFetchSize();
        if (type != TYPE_FORWARD_ONLY) {
            while (portal != null) {
                fetchNextPage();   // scrollable results hold every row
            }
        }
        if (maxRows > 0 && rows.size() > maxRows && portal == null) {
            rows = new ArrayList<>(rows.subList(0, maxRows));
        }
    }

    /** An empty result with no columns (e.g. generated keys when none were requested). */
    static ScratchBirdResultSet empty(ScratchBirdStatement statement) throws SQLException {
        return new ScratchBirdResultSet(statement, new ResultGroup(), TYPE_FORWARD_ONLY, 0);
    }

    List<ColumnInfo> columns() {
        return columns;
    }

    // ------------------------------------------------------------------ navigation

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("this result set has been closed", "55000");
        }
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (type != TYPE_FORWARD_ONLY) {
            return moveTo(index + 1);   // scrollable results hold every row, already cut to maxRows
        }
        if (maxRows > 0 && rowNumber >= maxRows) {
            exhausted = true;
            index = rows.size();
            closePortal();
            return false;
        }
        if (index + 1 >= rows.size() && portal != null) {
            rows.clear();
            index = -1;
            fetchNextPage();
        }
        if (index + 1 < rows.size()) {
            index++;
            rowNumber++;
            if (index > 0) {
                rows.set(index - 1, null);   // let streamed rows be collected
            }
            return true;
        }
        exhausted = true;
        index = rows.size();
        return false;
    }

    /** Positions a scrollable result on row {@code target} (0-based); before the first or after the last row when outside. */
    private boolean moveTo(int target) {
        if (target < 0) {
            index = -1;
            return false;
        }
        if (target >= rows.size()) {
            index = rows.size();
            return false;
        }
        index = target;
        return true;
    }

    private void fetchNextPage() throws SQLException {
        synchronized (statement.connection) {
            ResultGroup g = statement.connection.session().fetch(portal, Math.max(fetchSize, 1));
            rows.addAll(g.rows());
            portal = g.suspended() ? portal : null;
        }
    }

    private void closePortal() throws SQLException {
        if (portal != null) {
            String p = portal;
            portal = null;
            synchronized (statement.connection) {
                statement.connection.session().closePortal(p);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closeFromStatement();
        if (statement != null) {
            statement.resultSetClosed();
        }
    }

    void closeFromStatement() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        rows = List.of();
        if (statement != null && !statement.connection.isClosed()) {
            closePortal();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private DataRow row() throws SQLException {
        checkOpen();
        if (index < 0 || index >= rows.size() || rows.get(index) == null) {
            throw new SQLException("the result set is not positioned on a row (call next() first)", "24000");
        }
        return rows.get(index);
    }

    private ColumnInfo column(int i) throws SQLException {
        if (i < 1 || i > columns.size()) {
            throw new SQLException("column index " + i + " is out of range; the result has " + columns.size() + " column(s)",
                    "22023");
        }
        return columns.get(i - 1);
    }

    /** Codec per column, looked up once per result instead of once per cell (a boxed map lookup). */
    private ValueCodec<?>[] codecs;

    private ValueCodec<?> codec(int index, ColumnInfo c) {
        if (codecs == null) {
            codecs = new ValueCodec<?>[columns.size()];
        }
        ValueCodec<?> codec = codecs[index];
        if (codec == null) {
            codec = Codecs.byOid(c.oid());
            codecs[index] = codec;
        }
        return codec;
    }

    /** The decoded value of a cell, or null for SQL NULL (sets wasNull). */
    private Object value(int i) throws SQLException {
        ColumnInfo c = column(i);
        DataRow r = row();
        if (r.isNull(i - 1)) {
            wasNull = true;
            return null;
        }
        wasNull = false;
        ValueCodec<?> codec = codec(i - 1, c);
        byte[] buf = r.buffer();
        int off = r.offset(i - 1);
        int len = r.length(i - 1);
        try {
            if (codec == null || c.oid() == TypeOids.UNSPECIFIED) {
                return new String(buf, off, len, StandardCharsets.UTF_8);
            }
            Object v = codec.decode(c.binary() ? ValueCodec.FORMAT_BINARY : ValueCodec.FORMAT_TEXT, buf, off, len);
            return v instanceof List<?> list ? new ScratchBirdArray(c.oid(), list) : v;
        } catch (WireFormatException e) {
            throw new SQLDataException("column " + i + " (" + c.label() + "): " + e.getMessage(), "22P02", e);
        }
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    // ------------------------------------------------------------------ getters by index

    @Override
    public String getString(int i) throws SQLException {
        ColumnInfo c = column(i);
        if (!c.binary()) {
            DataRow r = row();
            if (r.isNull(i - 1)) {
                wasNull = true;
                return null;
            }
            wasNull = false;
            return new String(r.buffer(), r.offset(i - 1), r.length(i - 1), StandardCharsets.UTF_8);
        }
        Object v = value(i);
        return v == null ? null : v instanceof ScratchBirdArray a ? a.toString() : Conversions.string(v);
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        Object v = value(i);
        return v != null && Conversions.bool(v);
    }

    @Override
    public byte getByte(int i) throws SQLException {
        Object v = value(i);
        return v == null ? 0 : (byte) Conversions.integral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int i) throws SQLException {
        Object v = value(i);
        return v == null ? 0 : (short) Conversions.integral(v, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
    }

    @Override
    public int getInt(int i) throws SQLException {
        Object v = value(i);
        return v == null ? 0 : (int) Conversions.integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
    }

    @Override
    public long getLong(int i) throws SQLException {
        Object v = value(i);
        return v == null ? 0 : Conversions.integral(v, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
    }

    @Override
    public float getFloat(int i) throws SQLException {
        Object v = value(i);
        return v == null ? 0 : (float) Conversions.doubleValue(v);
    }

    @Override
    public double getDouble(int i) throws SQLException {
        Object v = value(i);
        return v == null ? 0 : Conversions.doubleValue(v);
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : Conversions.decimal(v);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(i);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : Conversions.bytes(v);
    }

    @Override
    public Date getDate(int i) throws SQLException {
        return getDate(i, null);
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        Object v = value(i);
        return v == null ? null : Conversions.sqlDate(v, cal);
    }

    @Override
    public Time getTime(int i) throws SQLException {
        return getTime(i, null);
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        Object v = value(i);
        return v == null ? null : Conversions.sqlTime(v, cal);
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        return getTimestamp(i, null);
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        Object v = value(i);
        return v == null ? null : Conversions.timestamp(v, cal);
    }

    /** The JDBC default Java class per type (see {@link JdbcTypes#javaClass}); arrays as {@link Array}. */
    @Override
    public Object getObject(int i) throws SQLException {
        Object v = value(i);
        if (v == null) {
            return null;
        }
        int oid = column(i).oid();
        return switch (oid) {
            case TypeOids.INT2 -> ((Number) v).intValue();   // JDBC 4.3 table B-3: SMALLINT is an Integer
            case TypeOids.DATE -> Conversions.sqlDate(v, null);
            case TypeOids.TIME -> Conversions.sqlTime(v, null);
            case TypeOids.TIMESTAMP -> Conversions.timestamp(v, null);
            default -> v;
        };
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("the target type must not be null", "22023");
        }
        Object v = value(i);
        if (v == null) {
            return null;
        }
        if (v instanceof ScratchBirdArray a && type != Array.class && type != Object.class) {
            return Conversions.to(a.getArray(), type);
        }
        return Conversions.to(v, type);
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        return getObject(i);
    }

    @Override
    public Array getArray(int i) throws SQLException {
        Object v = value(i);
        if (v == null || v instanceof Array) {
            return (Array) v;
        }
        throw Conversions.cannot(v, "array");
    }

    @Override
    public InputStream getBinaryStream(int i) throws SQLException {
        byte[] b = getBytes(i);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public InputStream getAsciiStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Reader getCharacterStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int i) throws SQLException {
        return getCharacterStream(i);
    }

    @Override
    public String getNString(int i) throws SQLException {
        return getString(i);
    }

    @Override
    public URL getURL(int i) throws SQLException {
        String s = getString(i);
        try {
            return s == null ? null : new URL(s);
        } catch (MalformedURLException e) {
            throw new SQLDataException("not a URL: " + s, "22023", e);
        }
    }

    @Override
    public Blob getBlob(int i) throws SQLException {
        byte[] b = getBytes(i);
        return b == null ? null : new javax.sql.rowset.serial.SerialBlob(b);
    }

    @Override
    public Clob getClob(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new javax.sql.rowset.serial.SerialClob(s.toCharArray());
    }

    @Override
    public NClob getNClob(int i) throws SQLException {
        throw new SQLFeatureNotSupportedException("NCLOB values are not supported; use getString", "0A000");
    }

    @Override
    public SQLXML getSQLXML(int i) throws SQLException {
        throw new SQLFeatureNotSupportedException("SQLXML values are not supported; use getString", "0A000");
    }

    @Override
    public Ref getRef(int i) throws SQLException {
        throw new SQLFeatureNotSupportedException("REF values are not supported", "0A000");
    }

    @Override
    public RowId getRowId(int i) throws SQLException {
        throw new SQLFeatureNotSupportedException("ROWID values are not supported", "0A000");
    }

    // ------------------------------------------------------------------ by label

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (columnIndex == null) {
            columnIndex = new HashMap<>();
            for (int i = columns.size() - 1; i >= 0; i--) {
                columnIndex.put(columns.get(i).label(), i + 1);
                columnIndex.putIfAbsent(columns.get(i).label().toLowerCase(Locale.ROOT), i + 1);
            }
        }
        Integer i = columnIndex.get(label);
        if (i == null) {
            i = columnIndex.get(label.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            throw new SQLException("the result has no column named \"" + label + "\"", "42703");
        }
        return i;
    }

    // ------------------------------------------------------------------ cursor

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            metaData = new ScratchBirdResultSetMetaData(columns);
        }
        return metaData;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return type;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("fetch size must be >= 0, got " + rows, "22023");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        if (!onRow()) {
            return 0;
        }
        return type == TYPE_FORWARD_ONLY ? (int) rowNumber : index + 1;
    }

    private boolean onRow() {
        return index >= 0 && index < rows.size();
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        if (type == TYPE_FORWARD_ONLY) {
            return rowNumber == 0 && !exhausted && (!rows.isEmpty() || portal != null);
        }
        return index < 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        if (type == TYPE_FORWARD_ONLY) {
            return exhausted && rowNumber > 0;
        }
        return index >= rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return onRow() && (type == TYPE_FORWARD_ONLY ? rowNumber == 1 : index == 0);
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return onRow() && index == rows.size() - 1 && portal == null;
    }

    private void scrollable() throws SQLException {
        checkOpen();
        if (type == TYPE_FORWARD_ONLY) {
            throw new SQLException("the result set is TYPE_FORWARD_ONLY", "24000");
        }
    }

    @Override
    public void beforeFirst() throws SQLException {
        scrollable();
        index = -1;
    }

    @Override
    public void afterLast() throws SQLException {
        scrollable();
        index = rows.size();
    }

    @Override
    public boolean first() throws SQLException {
        return absolute(1);
    }

    @Override
    public boolean last() throws SQLException {
        return absolute(-1);
    }

    /** Row {@code row} counting from 1, or from the end when negative; 0 is before the first row (JDBC). */
    @Override
    public boolean absolute(int row) throws SQLException {
        scrollable();
        return moveTo(row >= 0 ? row - 1 : rows.size() + row);
    }

    @Override
    public boolean relative(int delta) throws SQLException {
        scrollable();
        if (!onRow()) {
            throw new SQLException("relative() needs a current row", "24000");
        }
        return moveTo(index + delta);
    }

    @Override
    public boolean previous() throws SQLException {
        scrollable();
        return moveTo(Math.min(index, rows.size()) - 1);
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD && type == TYPE_FORWARD_ONLY) {
            throw new SQLException("a TYPE_FORWARD_ONLY result set only fetches forward", "24000");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public String getCursorName() throws SQLException {
        throw new SQLFeatureNotSupportedException("named cursors are not supported", "0A000");
    }
}
