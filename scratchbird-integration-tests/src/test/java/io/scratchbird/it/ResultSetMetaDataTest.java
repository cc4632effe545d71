package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.types.Interval;
import io.scratchbird.types.Jsonb;
import io.scratchbird.types.Range;
import io.scratchbird.types.Vector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Column names, types, classes and nullability come from the declared column types, also for empty results. */
class ResultSetMetaDataTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static Connection setup;

    @BeforeAll
    static void createTable() throws SQLException {
        setup = Servers.connect(db.server());
        try (Statement s = setup.createStatement()) {
            s.execute("create table described (id bigint primary key, small smallint not null, i integer, "
                    + "flag boolean, r real, d double precision, amount numeric(12,3), name varchar(40) not null, "
                    + "body text, raw bytea, born date, at_time time, at timestamp, at_zone timestamptz, span interval, "
                    + "key uuid, doc jsonb, ids int4range, embedding vector(3))");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        setup.close();
    }

    /** name → {Types code, type name, class name}. */
    private static final Map<String, Object[]> EXPECTED = Map.ofEntries(
            Map.entry("id", new Object[] {Types.BIGINT, "bigint", Long.class}),
            Map.entry("small", new Object[] {Types.SMALLINT, "smallint", Integer.class}),
            Map.entry("i", new Object[] {Types.INTEGER, "integer", Integer.class}),
            Map.entry("flag", new Object[] {Types.BOOLEAN, "boolean", Boolean.class}),
            Map.entry("r", new Object[] {Types.REAL, "real", Float.class}),
            Map.entry("d", new Object[] {Types.DOUBLE, "double precision", Double.class}),
            Map.entry("amount", new Object[] {Types.NUMERIC, "numeric", BigDecimal.class}),
            Map.entry("name", new Object[] {Types.VARCHAR, "varchar", String.class}),
            Map.entry("body", new Object[] {Types.VARCHAR, "text", String.class}),
            Map.entry("raw", new Object[] {Types.BINARY, "bytea", byte[].class}),
            Map.entry("born", new Object[] {Types.DATE, "date", java.sql.Date.class}),
            Map.entry("at_time", new Object[] {Types.TIME, "time", java.sql.Time.class}),
            Map.entry("at", new Object[] {Types.TIMESTAMP, "timestamp", java.sql.Timestamp.class}),
            Map.entry("at_zone", new Object[] {Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz", OffsetDateTime.class}),
            Map.entry("span", new Object[] {Types.OTHER, "interval", Interval.class}),
            Map.entry("key", new Object[] {Types.OTHER, "uuid", UUID.class}),
            Map.entry("doc", new Object[] {Types.OTHER, "jsonb", Jsonb.class}),
            Map.entry("ids", new Object[] {Types.OTHER, "int4range", Range.class}),
            Map.entry("embedding", new Object[] {Types.OTHER, "vector", Vector.class}));

    private static Connection connect(boolean binaryTransfer) throws SQLException {
        return Servers.connect(db.server(), Map.of("binaryTransfer", String.valueOf(binaryTransfer)));
    }

    private static void assertDescribed(ResultSetMetaData md) throws SQLException {
        assertEquals(EXPECTED.size(), md.getColumnCount());
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnName(i);
            Object[] e = EXPECTED.get(name);
            assertEquals(e[0], md.getColumnType(i), name);
            assertEquals(e[1], md.getColumnTypeName(i), name);
            assertEquals(((Class<?>) e[2]).getName(), md.getColumnClassName(i), name);
        }
    }

    @ParameterizedTest(name = "binaryTransfer={0}")
    @ValueSource(booleans = {true, false})
    void typesOfAnEmptyResultComeFromTheDeclaration(boolean binaryTransfer) throws SQLException {
        try (Connection c = connect(binaryTransfer); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from described where id < 0")) {
            assertFalse(rs.next());
            assertDescribed(rs.getMetaData());
        }
        try (Connection c = connect(binaryTransfer); PreparedStatement ps = c.prepareStatement("select * from described where id < ?")) {
            ps.setLong(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                assertDescribed(rs.getMetaData());
            }
        }
    }

    @ParameterizedTest(name = "binaryTransfer={0}")
    @ValueSource(booleans = {true, false})
    void getObjectReturnsTheReportedClass(boolean binaryTransfer) throws SQLException {
        try (Connection c = connect(binaryTransfer); Statement s = c.createStatement()) {
            s.execute("delete from described");
            s.execute("insert into described values (1, 2, 3, true, 1.5, 2.5, 3.125, 'n', 'b', x'01', date '2020-01-02', "
                    + "time '03:04:05', timestamp '2020-01-02 03:04:05', timestamptz '2020-01-02 03:04:05+01:00', "
                    + "interval 'P1D', uuid '123e4567-e89b-12d3-a456-426614174000', cast('{\"a\":1}' as jsonb), "
                    + "int4range(1, 3), vector('[1,2,3]'))");
            try (PreparedStatement ps = c.prepareStatement("select * from described where id = ?")) {
                ps.setLong(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        assertEquals(md.getColumnClassName(i), rs.getObject(i).getClass().getName(), md.getColumnName(i));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "binaryTransfer={0}")
    @ValueSource(booleans = {true, false})
    void nullabilityPrecisionAndLabels(boolean binaryTransfer) throws SQLException {
        try (Connection c = connect(binaryTransfer); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, small, i, amount, name as label, embedding from described")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1), "primary key");
            assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(2), "not null");
            assertEquals(ResultSetMetaData.columnNullable, md.isNullable(3));
            assertEquals(12, md.getPrecision(4));
            assertEquals(3, md.getScale(4));
            assertEquals("label", md.getColumnLabel(5));
            assertEquals(40, md.getColumnDisplaySize(5));
            assertEquals(40, md.getPrecision(5));
            assertTrue(md.isSigned(1));
            assertFalse(md.isSigned(5));
            assertEquals(3, md.getPrecision(6), "a vector's dimension");
        }
    }
}
