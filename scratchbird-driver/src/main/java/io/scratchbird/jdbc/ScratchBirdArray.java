package io.scratchbird.jdbc;

import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.codec.TypeOids;
import io.scratchbird.wire.message.TypeRefs;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link java.sql.Array} holding decoded elements (values always travel inline, spec 9.15). */
public final class ScratchBirdArray implements Array {

    private final int arrayOid;
    private final List<?> elements;

    ScratchBirdArray(int arrayOid, List<?> elements) {
        this.arrayOid = arrayOid;
        this.elements = elements;
    }

    int arrayOid() {
        return arrayOid;
    }

    /** The elements as the array codec encodes them (nested lists for several dimensions). */
    List<?> elements() {
        return elements;
    }

    /** The array OID for {@code Connection.createArrayOf(typeName, …)}; text[] for unknown names. */
    static int arrayOidFor(String typeName) throws SQLException {
        String n = typeName.toLowerCase(Locale.ROOT).trim();
        int element = switch (n) {
            case "bool", "boolean" -> TypeOids.BOOL;
            case "int2", "smallint" -> TypeOids.INT2;
            case "int4", "int", "integer" -> TypeOids.INT4;
            case "bigint", "int64" -> TypeOids.INT8;
            case "float4", "real" -> TypeOids.FLOAT4;
            case "float8", "double", "double precision" -> TypeOids.FLOAT8;
            case "numeric", "decimal" -> TypeOids.NUMERIC;
            case "text" -> TypeOids.TEXT;
            case "varchar", "character varying" -> TypeOids.VARCHAR;
            case "bytea" -> TypeOids.BYTEA;
            case "date" -> TypeOids.DATE;
            case "time" -> TypeOids.TIME;
            case "timetz" -> TypeOids.TIMETZ;
            case "timestamp" -> TypeOids.TIMESTAMP;
            case "timestamptz" -> TypeOids.TIMESTAMPTZ;
            case "uuid" -> TypeOids.UUID;
            default -> throw new SQLFeatureNotSupportedException("arrays of " + typeName + " are not supported; element types "
                    + "are boolean, smallint, integer, bigint, real, double precision, numeric, text, varchar, bytea, date, time, "
                    + "timetz, timestamp, timestamptz and uuid (int8 is SBsql's 8-bit integer: use bigint)", "0A000");
        };
        for (int oid = 1000; oid <= 3000; oid++) {
            if (TypeRefs.elementOf(oid) == element) {
                return oid;
            }
        }
        throw new SQLFeatureNotSupportedException("no array type for " + typeName, "0A000");
    }

    /**
     * {@code Connection.createArrayOf}: nested Java arrays are further dimensions, nulls are SQL
     * NULLs, and elements are converted to the element type's value class (an Integer in a bigint
     * array, a java.sql.Date in a date array), so that binding does not depend on the Java class.
     */
    static ScratchBirdArray of(String typeName, Object[] elements) throws SQLException {
        int oid = arrayOidFor(typeName);
        return new ScratchBirdArray(oid, elementList(elements, Codecs.byOid(TypeRefs.elementOf(oid)).javaType()));
    }

    private static List<Object> elementList(Object[] elements, Class<?> elementClass) throws SQLException {
        List<Object> out = new ArrayList<>(elements.length);
        for (Object e : elements) {
            out.add(e instanceof Object[] inner ? elementList(inner, elementClass) : Conversions.to(e, elementClass));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String getBaseTypeName() {
        return JdbcTypes.typeName(TypeRefs.elementOf(arrayOid));
    }

    @Override
    public int getBaseType() {
        return JdbcTypes.sqlType(TypeRefs.elementOf(arrayOid));
    }

    /**
     * The elements as a Java array of the element type's {@code getObject} class, as PgJDBC does:
     * {@code Integer[]} for integer, {@code java.sql.Date[]} for date, {@code Integer[][]} for two
     * dimensions.
     */
    @Override
    public Object getArray() throws SQLException {
        return toArray(elements);
    }

    private Object[] toArray(List<?> list) throws SQLException {
        Class<?> elementClass = JdbcTypes.javaClass(TypeRefs.elementOf(arrayOid));
        int depth = depth(list);
        Class<?> component = elementClass;
        for (int d = 1; d < depth; d++) {
            component = component.arrayType();
        }
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(component, list.size());
        for (int i = 0; i < out.length; i++) {
            Object e = list.get(i);
            out[i] = e instanceof List<?> inner ? toArray(inner) : e == null ? null : Conversions.to(e, elementClass);
        }
        return out;
    }

    /** Dimensions, from the first non-empty path (SQL arrays are rectangular). */
    private static int depth(List<?> list) {
        for (Object e : list) {
            if (e instanceof List<?> inner) {
                return 1 + depth(inner);
            }
            if (e != null) {
                return 1;
            }
        }
        return 1;
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        if (index < 1 || count < 0 || index - 1 + count > elements.size()) {
            throw new SQLException("array slice [" + index + ", +" + count + ") is outside 1.." + elements.size(), "2202E");
        }
        return toArray(elements.subList((int) index - 1, (int) index - 1 + count));
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        throw new SQLFeatureNotSupportedException("Array.getResultSet is not supported; use getArray", "0A000");
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public void free() {
        // nothing held outside the heap
    }

    /** The array literal, e.g. {@code {1,2,NULL}}. */
    @Override
    public String toString() {
        return Codecs.byOid(arrayOid) == null ? String.valueOf(elements) : ((io.scratchbird.wire.codec.ArrayCodec) Codecs.byOid(arrayOid)).encodeText(elements);
    }
}
