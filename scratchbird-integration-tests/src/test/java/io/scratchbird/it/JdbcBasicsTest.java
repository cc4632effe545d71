package io.scratchbird.it;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcBasicsTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    @Test
    void connectQueryAndBind() throws Exception {
        try (Connection c = Servers.connect(db.server()); Statement s = c.createStatement()) {
            s.execute("create table basics (id bigint primary key, name varchar(40))");
            try (PreparedStatement ps = c.prepareStatement("insert into basics values (?, ?)")) {
                for (long i = 1; i <= 3; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "name " + i);
                    assertEquals(1, ps.executeUpdate());
                }
            }
            try (ResultSet rs = s.executeQuery("select id, name from basics order by id")) {
                assertTrue(rs.next());
                assertEquals(1L, rs.getLong(1));
                assertEquals("name 1", rs.getString("name"));
                assertEquals("bigint", rs.getMetaData().getColumnTypeName(1));
            }
            try (ResultSet rs = s.executeQuery("select id from basics where id > 100")) {
                assertFalse(rs.next());
            }
        }
    }
}
