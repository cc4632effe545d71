package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC function escape {@code {? = call f(?)}}: parameter 1 is the function's result. */
class CallableStatementTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    @Test
    void theReturnValueIsOutParameterOne() throws SQLException {
        try (Connection c = Servers.connect(db.server()); CallableStatement cs = c.prepareCall("{? = call abs(?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, -5);
            cs.execute();
            assertEquals(5, cs.getInt(1));
            assertFalse(cs.wasNull());
            assertEquals(5L, cs.getLong(1));
            assertEquals("5", cs.getString(1));

            cs.setBigDecimal(2, new BigDecimal("-2.50"));
            cs.execute();
            assertEquals(0, new BigDecimal("2.5").compareTo(cs.getBigDecimal(1)));
            assertEquals(0, new BigDecimal("2.5").compareTo(cs.getObject(1, BigDecimal.class)));
        }
    }

    @Test
    void aNullResultIsReportedByWasNull() throws SQLException {
        try (Connection c = Servers.connect(db.server()); CallableStatement cs = c.prepareCall("{ ? = call abs(?) }")) {
            cs.registerOutParameter(1, Types.BIGINT);
            cs.setNull(2, Types.BIGINT);
            cs.execute();
            assertEquals(0, cs.getLong(1));
            assertTrue(cs.wasNull());
            assertNull(cs.getObject(1));
        }
    }

    @Test
    void misuseIsReportedClearly() throws SQLException {
        try (Connection c = Servers.connect(db.server()); CallableStatement cs = c.prepareCall("{? = call abs(?)}")) {
            assertThrows(SQLException.class, () -> cs.setInt(1, 3), "parameter 1 is the result, not an input");
            assertThrows(SQLException.class, () -> cs.getInt(1), "nothing has been executed");
            cs.registerOutParameter(1, Types.INTEGER);
            assertThrows(SQLException.class, () -> cs.registerOutParameter(2, Types.INTEGER), "SBWP has no OUT parameters");
            cs.setInt(2, -1);
            cs.execute();
            assertThrows(SQLException.class, () -> cs.getInt(2));
        }
    }
}
