package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Map;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** getInt, getLong, getString … on columns of other types: exact conversions work, lossy ones fail with 22xxx. */
class TypedGettersTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    @BeforeAll
    static void fill() throws SQLException {
        try (Connection c = Servers.connect(db.server()); Statement s = c.createStatement()) {
            s.execute("create table mixed (id integer primary key, small_big bigint, huge_big bigint, exact numeric(10,2), "
                    + "fraction numeric(10,2), flag boolean, digits varchar(10), word varchar(10), born date, "
                    + "at timestamp, raw bytea, ratio double precision)");
            s.execute("insert into mixed values (1, 42, 9223372036854775807, 7.00, 2.50, true, '123', 'abc', "
                    + "date '1969-07-20', timestamp '2038-01-19 03:14:08.5', x'cafe', 0.5)");
        }
    }

    private static ResultSet row(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement("select * from mixed where id = ?");
        ps.closeOnCompletion();
        ps.setInt(1, 1);
        ResultSet rs = ps.executeQuery();
        assertTrue(rs.next());
        return rs;
    }

    private static Connection connect(boolean binaryTransfer) throws SQLException {
        return Servers.connect(db.server(), Map.of("binaryTransfer", String.valueOf(binaryTransfer)));
    }

    private static void assertDataError(String sqlState, ThrowingGetter getter) {
        SQLDataException e = assertThrows(SQLDataException.class, getter::get);
        assertEquals(sqlState, e.getSQLState(), e.getMessage());
    }

    @FunctionalInterface
    private interface ThrowingGetter {
        Object get() throws SQLException;
    }

    @ParameterizedTest(name = "binaryTransfer={0}")
    @ValueSource(booleans = {true, false})
    void integersNarrowWhenTheyFit(boolean binaryTransfer) throws SQLException {
        try (Connection c = connect(binaryTransfer); ResultSet rs = row(c)) {
            assertEquals(42, rs.getInt("small_big"));
            assertEquals(42, rs.getShort("small_big"));
            assertEquals(42, rs.getByte("small_big"));
            assertEquals(42L, rs.getLong("small_big"));
            assertEquals(42.0, rs.getDouble("small_big"));
            assertEquals(new BigDecimal(42), rs.getBigDecimal("small_big"));
            assertEquals(7, rs.getInt("exact"), "7.00 is an integer");
            assertEquals(123, rs.getInt("digits"), "text that holds a number");
            assertEquals(1, rs.getInt("flag"));
            assertTrue(rs.getBoolean("flag"));
            assertThrows(SQLDataException.class, () -> rs.getBoolean("small_big"), "only 0 and 1 are booleans (PgJDBC)");
        }
    }

    @ParameterizedTest(name = "binaryTransfer={0}")
    @ValueSource(booleans = {true, false})
    void overflowAndLossAreDataErrors(boolean binaryTransfer) throws SQLException {
        try (Connection c = connect(binaryTransfer); ResultSet rs = row(c)) {
            assertDataError("22003", () -> rs.getInt("huge_big"));
            assertDataError("22003", () -> rs.getShort("huge_big"));
            assertDataError("22003", () -> rs.getByte("huge_big"));
            assertEquals(Long.MAX_VALUE, rs.getLong("huge_big"), "a failed getter leaves the row readable");
            assertDataError("22003", () -> rs.getInt("fraction"));
            assertDataError("22003", () -> rs.getLong("ratio"));
            assertDataError("22P02", () -> rs.getInt("word"));
            assertDataError("22P02", () -> rs.getDate("word"));
        }
    }

    @ParameterizedTest(name = "binaryTransfer={0}")
    @ValueSource(booleans = {true, false})
    void getStringWorksOnEveryColumn(boolean binaryTransfer) throws SQLException {
        try (Connection c = connect(binaryTransfer); ResultSet rs = row(c)) {
            assertEquals("42", rs.getString("small_big"));
            assertEquals("9223372036854775807", rs.getString("huge_big"));
            assertEquals("7.00", rs.getString("exact"));
            assertEquals("true", rs.getString("flag"));
            assertEquals("1969-07-20", rs.getString("born"));
            assertEquals("2038-01-19 03:14:08.5", rs.getString("at"));
            assertEquals("\\xcafe", rs.getString("raw"));
            assertEquals("0.5", rs.getString("ratio"));
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                assertFalse(rs.getString(i).isEmpty(), rs.getMetaData().getColumnName(i));
            }
        }
    }

    @ParameterizedTest(name = "binaryTransfer={0}")
    @ValueSource(booleans = {true, false})
    void temporalAndBinaryGetters(boolean binaryTransfer) throws SQLException {
        try (Connection c = connect(binaryTransfer); ResultSet rs = row(c)) {
            assertEquals(java.sql.Date.valueOf("1969-07-20"), rs.getDate("born"));
            assertEquals(java.sql.Timestamp.valueOf("2038-01-19 03:14:08.5"), rs.getTimestamp("at"));
            assertEquals(java.sql.Date.valueOf("2038-01-19"), rs.getDate("at"));
            assertEquals(java.sql.Time.valueOf("03:14:08"), rs.getTime("at"));
            assertEquals(java.sql.Timestamp.valueOf("1969-07-20 00:00:00"), rs.getTimestamp("born"));

            // with a Calendar, a timestamp without time zone is read as a time in the calendar's zone
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            long expected = LocalDateTime.of(2038, 1, 19, 3, 14, 8, 500_000_000).toInstant(ZoneOffset.UTC).toEpochMilli();
            assertEquals(expected, rs.getTimestamp("at", utc).getTime());
            assertEquals(LocalDate.of(1969, 7, 20).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                    rs.getDate("born", utc).getTime());

            assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe}, rs.getBytes("raw"));
            assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe}, rs.getBinaryStream("raw").readAllBytes());
            assertEquals(0.5f, rs.getFloat("ratio"));
            assertEquals(new BigDecimal("2.50"), rs.getBigDecimal("fraction"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
