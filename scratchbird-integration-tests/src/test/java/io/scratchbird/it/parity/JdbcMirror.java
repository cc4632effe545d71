package io.scratchbird.it.parity;

import io.scratchbird.jdbc.ScratchBirdPreparedStatement;
import io.scratchbird.jdbc.ServerError;
import io.scratchbird.types.Geometry;
import io.scratchbird.types.Interval;
import io.scratchbird.types.Json;
import io.scratchbird.types.Jsonb;
import io.scratchbird.wire.codec.Codecs;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs parity cases through the JDBC driver and returns each case's normalised outcome. The
 * Python runner ({@code python/parity/runner.py}) does the same with the DB-API client.
 */
final class JdbcMirror {

    private final String url;
    private final Properties login;

    JdbcMirror(String url, Properties login) {
        this.url = url;
        this.login = login;
    }

    /** The outcome of one case (a JSON-shaped value); never throws for what the case itself does. */
    @SuppressWarnings("unchecked")
    Object run(Map<String, Object> c) throws SQLException {
        try (Connection con = DriverManager.getConnection(url, login)) {
            List<String> drops = (List<String>) c.getOrDefault("drop", List.of());
            drop(con, drops);
            try {
                for (String sql : (List<String>) c.getOrDefault("setup", List.of())) {
                    try (Statement s = con.createStatement()) {
                        s.execute(sql);
                    }
                }
                if (c.containsKey("steps")) {
                    List<Object> out = new ArrayList<>();
                    Map<String, Savepoint> savepoints = new HashMap<>();
                    for (Object step : (List<Object>) c.get("steps")) {
                        out.add(step((Map<String, Object>) step, con, savepoints));
                    }
                    return Map.of("steps", out);
                }
                return statement(con, c);
            } finally {
                if (!con.getAutoCommit()) {
                    con.rollback();
                    con.setAutoCommit(true);
                }
                drop(con, drops);
            }
        }
    }

    private static void drop(Connection con, List<String> tables) throws SQLException {
        for (String t : tables) {
            try (Statement s = con.createStatement()) {
                s.execute("drop table if exists " + t);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Object step(Map<String, Object> step, Connection con, Map<String, Savepoint> savepoints) {
        try {
            String op = (String) step.get("op");
            if (op == null) {
                return statement(con, step);
            }
            String name = (String) step.get("name");
            switch (op) {
                case "autocommit" -> con.setAutoCommit((Boolean) step.get("on"));
                case "commit" -> con.commit();
                case "rollback" -> con.rollback();
                case "savepoint" -> savepoints.put(name, con.setSavepoint(name));
                case "rollback_to" -> con.rollback(savepoints.get(name));
                case "release" -> con.releaseSavepoint(savepoints.get(name));
                case "connect" -> {
                    Properties p = new Properties();
                    p.putAll(login);
                    p.putAll((Map<String, String>) step.get("login"));
                    try (Connection other = DriverManager.getConnection(url, p)) {
                        other.isValid(5);
                    }
                }
                case "closed_statement" -> {
                    Statement s = con.createStatement();
                    s.close();
                    s.execute("select 1");
                }
                default -> throw new IllegalArgumentException("unknown step op " + op);
            }
            return Map.of("ok", true);
        } catch (SQLException e) {
            return error(e);
        }
    }

    /** Runs {@code sql} (with {@code params}, or {@code many} parameter rows) and normalises the result. */
    @SuppressWarnings("unchecked")
    private Object statement(Connection con, Map<String, Object> c) {
        String sql = (String) c.get("sql");
        try {
            if (c.containsKey("many")) {
                try (PreparedStatement ps = con.prepareStatement(sql)) {
                    for (Object row : (List<Object>) c.get("many")) {
                        bindAll(ps, row);
                        ps.addBatch();
                    }
                    long total = 0;
                    for (long n : ps.executeLargeBatch()) {
                        total += n;
                    }
                    return Map.of("rowcount", total);
                }
            }
            if (!c.containsKey("params")) {
                try (Statement s = con.createStatement()) {
                    return result(s, s.execute(sql));
                }
            }
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                bindAll(ps, c.get("params"));
                return result(ps, ps.execute());
            }
        } catch (SQLException e) {
            return error(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void bindAll(PreparedStatement ps, Object params) throws SQLException {
        if (params instanceof Map<?, ?> named) {
            ScratchBirdPreparedStatement sb = ps.unwrap(ScratchBirdPreparedStatement.class);
            for (Map.Entry<String, Object> e : ((Map<String, Object>) named).entrySet()) {
                sb.setObject(e.getKey(), value((Map<String, Object>) e.getValue()));
            }
            return;
        }
        List<Object> list = (List<Object>) params;
        for (int i = 0; i < list.size(); i++) {
            Object v = value((Map<String, Object>) list.get(i));
            if (v == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    private static Object result(Statement s, boolean isResultSet) throws SQLException {
        if (!isResultSet) {
            return Map.of("rowcount", (long) s.getUpdateCount());
        }
        try (ResultSet rs = s.getResultSet()) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<Object> columns = new ArrayList<>();
            int[] oids = new int[n];
            for (int i = 1; i <= n; i++) {
                oids[i - 1] = oid(md, i);
                columns.add(List.of(md.getColumnLabel(i), (long) oids[i - 1]));
            }
            List<Object> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(Canon.read(rs, i, oids[i - 1]));
                }
                rows.add(row);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("columns", columns);
            out.put("rows", rows);
            return out;
        }
    }

    static Map<String, Object> error(SQLException e) {
        boolean fromServer = ServerError.of(e).isPresent();
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("sqlstate", e.getSQLState());
        err.put("jdbc", e.getClass().getSimpleName());
        err.put("dbapi", ErrorClasses.dbApiClass(e.getSQLState(), fromServer));
        return Map.of("error", err);
    }

    /** The wire type OID of a column (ResultSetMetaData only exposes JDBC types and names). */
    private static int oid(ResultSetMetaData md, int column) throws SQLException {
        try {
            Field f = md.getClass().getDeclaredField("columns");
            f.setAccessible(true);
            Object info = ((List<?>) f.get(md)).get(column - 1);
            return (Integer) info.getClass().getMethod("oid").invoke(info);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the column OID from " + md.getClass(), e);
        }
    }

    private static final Pattern INTERVAL = Pattern.compile("(-?\\d+)m(-?\\d+)d(-?\\d+)us");
    private static final Map<String, Integer> RANGES = Map.of("int4range", 3904, "int8range", 3926,
            "numrange", 3906, "daterange", 3912, "tsrange", 3908, "tstzrange", 3910);

    /** A neutral parameter {@code {"t": tag, "v": text}} as the Java value an application would bind. */
    static Object value(Map<String, Object> p) {
        String t = (String) p.get("t");
        String v = (String) p.get("v");
        if ("null".equals(t)) {
            return null;
        }
        if (v == null) {
            throw new IllegalArgumentException("parameter " + p + " has no value");
        }
        return switch (t) {
            case "bool" -> Boolean.valueOf(v);
            case "int" -> {
                BigInteger b = new BigInteger(v);
                yield b.bitLength() < 32 ? (Object) b.intValue() : (Object) b.longValueExact();
            }
            case "decimal" -> new BigDecimal(v);
            case "float" -> Double.valueOf(v);
            case "text" -> v;
            case "bytes" -> HexFormat.of().parseHex(v);
            case "date" -> LocalDate.parse(v);
            case "time" -> LocalTime.parse(v);
            case "timetz" -> OffsetTime.parse(v);
            case "timestamp" -> LocalDateTime.parse(v);
            case "timestamptz" -> OffsetDateTime.parse(v);
            case "interval" -> {
                Matcher m = INTERVAL.matcher(v);
                if (!m.matches()) {
                    throw new IllegalArgumentException("interval parameter must look like 1m2d3us: " + v);
                }
                yield new Interval(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
            }
            case "uuid" -> UUID.fromString(v);
            case "json" -> Json.of(v);
            case "jsonb" -> Jsonb.of(v);
            case "geometry" -> Geometry.parse(v);
            case "vector" -> {
                String body = v.substring(1, v.length() - 1);
                String[] parts = body.isEmpty() ? new String[0] : body.split(",");
                float[] f = new float[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    f[i] = Float.parseFloat(parts[i].trim());
                }
                yield f;
            }
            default -> {
                Integer oid = RANGES.get(t);
                if (oid == null) {
                    throw new IllegalArgumentException("unknown parameter type tag '" + t + "'");
                }
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                yield Codecs.byOid(oid).decodeText(b, 0, b.length);
            }
        };
    }
}
