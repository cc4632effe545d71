package io.scratchbird.jdbc;

import io.scratchbird.jdbc.session.ColumnInfo;
import io.scratchbird.wire.codec.TypeOids;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** Column metadata from the server's ROW_DESCRIPTION (declared types on our server). */
final class ScratchBirdResultSetMetaData implements ResultSetMetaData {

    private final List<ColumnInfo> columns;

    ScratchBirdResultSetMetaData(List<ColumnInfo> columns) {
        this.columns = columns;
    }

    private ColumnInfo c(int i) throws SQLException {
        if (i < 1 || i > columns.size()) {
            throw new SQLException("column index " + i + " is out of range; the result has " + columns.size() + " column(s)",
                    "22023");
        }
        return columns.get(i - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        c(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        int oid = c(column).oid();
        return oid == TypeOids.TEXT || oid == TypeOids.VARCHAR || oid == TypeOids.BPCHAR || oid == TypeOids.CHAR;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        c(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        c(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return switch (c(column).nullability()) {
            case 0 -> columnNoNulls;
            case 1 -> columnNullable;
            default -> columnNullableUnknown;
        };
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        int oid = c(column).oid();
        return oid == TypeOids.INT2 || oid == TypeOids.INT4 || oid == TypeOids.INT8 || oid == TypeOids.FLOAT4
                || oid == TypeOids.FLOAT8 || oid == TypeOids.NUMERIC;
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        ColumnInfo col = c(column);
        return JdbcTypes.displaySize(col.oid(), col.precision());
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return c(column).label();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return c(column).label();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        c(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        ColumnInfo col = c(column);
        return JdbcTypes.precision(col.oid(), col.precision());
    }

    @Override
    public int getScale(int column) throws SQLException {
        return c(column).scale();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        c(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        c(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return JdbcTypes.sqlType(c(column).oid());
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return JdbcTypes.typeName(c(column).oid());
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        c(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        c(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        c(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return JdbcTypes.javaClass(c(column).oid()).getName();
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
