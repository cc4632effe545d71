package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.it.TypeSamples.Binder;
import io.scratchbird.it.TypeSamples.Sample;
import io.scratchbird.it.TypeSamples.TypeCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every type × {NULL, edge values} × {literal in a Statement, bound in a PreparedStatement} ×
 * {binary results, text results}: written, read back through a PreparedStatement (binary when
 * binaryTransfer is on) and through a Statement (always text), and compared.
 */
class TypeRoundTripTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static final Map<Boolean, Connection> CONNECTIONS = new java.util.HashMap<>();
    private static int tables;

    @BeforeAll
    static void open() throws SQLException {
        for (boolean binary : new boolean[] {true, false}) {
            CONNECTIONS.put(binary, Servers.connect(db.server(), Map.of("binaryTransfer", String.valueOf(binary))));
        }
    }

    @AfterAll
    static void close() throws SQLException {
        for (Connection c : CONNECTIONS.values()) {
            c.close();
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (TypeCase t : TypeSamples.all()) {
            for (boolean binary : new boolean[] {true, false}) {
                for (boolean bound : new boolean[] {true, false}) {
                    out.add(Arguments.of(t, binary ? "binary results" : "text results", bound ? "bound" : "literal"));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {2}, {1}")
    @MethodSource("matrix")
    void roundTrip(TypeCase type, String results, String writing) throws SQLException {
        Connection c = CONNECTIONS.get(results.startsWith("binary"));
        String table = "round_trip_" + (++tables);
        try (Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id integer primary key, v " + type.columnType() + ")");
        }
        write(c, table, type, writing.equals("bound"));
        try (PreparedStatement ps = c.prepareStatement("select v from " + table + " where id = ?");
             Statement s = c.createStatement()) {
            for (int id = 0; id <= type.samples().size(); id++) {
                Sample sample = id == 0 ? null : type.samples().get(id - 1);
                ps.setInt(1, id);
                try (ResultSet prepared = ps.executeQuery(); ResultSet plain = s.executeQuery("select v from " + table + " where id = " + id)) {
                    assertTrue(prepared.next() && plain.next());
                    String where = type + " " + (sample == null ? "NULL" : sample) + " (" + writing + ", " + results + ")";
                    if (sample == null) {
                        assertNullEverywhere(prepared, where);
                        assertNullEverywhere(plain, where + " via Statement");
                    } else {
                        assertSample(prepared, sample, where);
                        assertSample(plain, sample, where + " via Statement");
                        if (type.sameTextEverywhere()) {
                            assertEquals(plain.getString(1), prepared.getString(1), where + ": getString");
                        }
                    }
                }
            }
        }
    }

    private static void write(Connection c, String table, TypeCase type, boolean bound) throws SQLException {
        if (!bound) {
            try (Statement s = c.createStatement()) {
                s.execute("insert into " + table + " values (0, null)");
                for (int i = 0; i < type.samples().size(); i++) {
                    s.execute("insert into " + table + " values (" + (i + 1) + ", " + type.samples().get(i).literal() + ")");
                }
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into " + table + " values (?, ?)")) {
            ps.setInt(1, 0);
            ps.setObject(2, null);
            ps.executeUpdate();
            for (int i = 0; i < type.samples().size(); i++) {
                ps.setInt(1, i + 1);
                Object value = type.samples().get(i).bound();
                if (value instanceof Binder binder) {
                    binder.bind(ps, 2);
                } else {
                    ps.setObject(2, value);
                }
                ps.executeUpdate();
            }
        }
    }

    private static void assertNullEverywhere(ResultSet rs, String where) throws SQLException {
        assertNull(rs.getObject(1), where);
        assertTrue(rs.wasNull(), where);
        assertNull(rs.getString(1), where);
        assertNull(rs.getObject(1, String.class), where);
        assertNull(rs.getBytes(1), where);
        assertEquals(0, rs.getInt(1), where);
        assertTrue(rs.wasNull(), where);
    }

    private static void assertSample(ResultSet rs, Sample sample, String where) throws SQLException {
        Object actual = rs.getObject(1);
        assertFalse(rs.wasNull(), where);
        assertMatches(sample.expected(), actual, where + ": getObject");
        assertNotNull(rs.getString(1), where + ": getString");
        for (Map.Entry<Class<?>, Object> conversion : sample.conversions().entrySet()) {
            assertMatches(conversion.getValue(), rs.getObject(1, conversion.getKey()),
                    where + ": getObject(" + conversion.getKey().getSimpleName() + ")");
        }
    }

    /** Equality for the values of the matrix: arrays by content, numbers by value, instants by instant. */
    private static void assertMatches(Object expected, Object actual, String where) throws SQLException {
        if (expected instanceof byte[] e) {
            assertTrue(actual instanceof byte[] a && Arrays.equals(e, a), where + ": " + actual);
        } else if (expected instanceof float[] e) {
            assertTrue(actual instanceof float[] a && Arrays.equals(e, a), where + ": " + Arrays.toString((float[]) actual));
        } else if (expected instanceof Object[] e) {
            if (!(actual instanceof Array a)) {
                fail(where + ": expected a java.sql.Array, got " + actual);
                return;
            }
            Object elements = a.getArray();
            assertEquals(e.getClass(), elements.getClass(), where + ": the array's class");
            assertTrue(Arrays.deepEquals(e, (Object[]) elements), where + ": " + Arrays.deepToString((Object[]) elements));
        } else if (expected instanceof BigDecimal e) {
            assertTrue(actual instanceof BigDecimal a && e.compareTo(a) == 0, where + ": " + actual);
        } else if (expected instanceof OffsetDateTime e) {
            assertTrue(actual instanceof OffsetDateTime a && e.isEqual(a), where + ": " + actual);
        } else {
            assertEquals(expected, actual, where);
            assertEquals(Objects.requireNonNull(expected).getClass(), actual.getClass(), where);
        }
    }
}
