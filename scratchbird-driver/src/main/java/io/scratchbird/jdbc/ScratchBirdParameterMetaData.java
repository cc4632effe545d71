package io.scratchbird.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** Parameter count and the types bound so far (the server does not infer parameter types, spec 8.2). */
final class ScratchBirdParameterMetaData implements ParameterMetaData {

    private final List<Integer> oids;

    ScratchBirdParameterMetaData(List<Integer> oids) {
        this.oids = oids;
    }

    private int oid(int param) throws SQLException {
        if (param < 1 || param > oids.size()) {
            throw new SQLException("parameter index " + param + " is out of range; the statement has " + oids.size(), "22023");
        }
        return oids.get(param - 1);
    }

    @Override
    public int getParameterCount() {
        return oids.size();
    }

    @Override
    public int isNullable(int param) throws SQLException {
        oid(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        int t = JdbcTypes.sqlType(oid(param));
        return t == java.sql.Types.INTEGER || t == java.sql.Types.BIGINT || t == java.sql.Types.SMALLINT
                || t == java.sql.Types.NUMERIC || t == java.sql.Types.REAL || t == java.sql.Types.DOUBLE;
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        return JdbcTypes.precision(oid(param), 0);
    }

    @Override
    public int getScale(int param) throws SQLException {
        oid(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        int oid = oid(param);
        return oid == 0 ? java.sql.Types.VARCHAR : JdbcTypes.sqlType(oid);
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        int oid = oid(param);
        return oid == 0 ? "unknown" : JdbcTypes.typeName(oid);
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return JdbcTypes.javaClass(oid(param)).getName();
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        oid(param);
        return parameterModeIn;
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
