package io.scratchbird.it;

import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.jdbc.ScratchBirdConnectionPoolDataSource;
import io.scratchbird.jdbc.ScratchBirdDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.DataSource;
import javax.sql.PooledConnection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ScratchBirdDataSource and ScratchBirdConnectionPoolDataSource against the embedded server. */
class DataSourceTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    static <T extends ScratchBirdDataSource> T configure(T ds, EmbeddedScratchBird server) {
        ds.setServerNames("localhost");
        ds.setPortNumbers(server.port());
        ds.setDatabaseName(EmbeddedScratchBird.DEFAULT_DATABASE);
        ds.setUser(EmbeddedScratchBird.DEFAULT_USER);
        ds.setPassword(EmbeddedScratchBird.DEFAULT_PASSWORD);
        if (server.tlsEnabled()) {
            ds.setSslmode("verify-full");
            ds.setSslrootcert(server.certificatePem());
        } else {
            ds.setSslmode("disable");
        }
        return ds;
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }

    @Test
    void connectsFromTheUrlPieces() throws SQLException {
        ScratchBirdDataSource ds = configure(new ScratchBirdDataSource(), db.server());
        assertEquals("jdbc:scratchbird://localhost:" + db.server().port() + "/default", ds.getUrl());
        try (Connection c = ds.getConnection()) {
            assertEquals(1, selectOne(c));
            assertEquals(EmbeddedScratchBird.DEFAULT_USER, c.getMetaData().getUserName());
        }
        try (Connection c = ds.getConnection(EmbeddedScratchBird.DEFAULT_USER, EmbeddedScratchBird.DEFAULT_PASSWORD)) {
            assertEquals(1, selectOne(c));
        }
        SQLException wrong = assertThrows(SQLException.class, () -> ds.getConnection(EmbeddedScratchBird.DEFAULT_USER, "nope"));
        assertEquals("28P01", wrong.getSQLState());
    }

    @Test
    void aUrlWinsOverThePieces() throws SQLException {
        ScratchBirdDataSource ds = configure(new ScratchBirdDataSource(), db.server());
        ds.setPortNumbers(1);   // would fail
        ds.setUrl(Servers.hostUrl(db.server()) + "?defaultRowFetchSize=7");
        assertEquals(Servers.hostUrl(db.server()) + "?defaultRowFetchSize=7", ds.getURL());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertEquals(7, s.getFetchSize());
        }
    }

    @Test
    void typedPropertiesGoThroughTheRegistry() throws SQLException {
        ScratchBirdDataSource ds = configure(new ScratchBirdDataSource(), db.server());
        ds.setDefaultRowFetchSize(25);
        ds.setConnectTimeout(3);
        ds.setSocketTimeout(30);
        ds.setPrepareThreshold(-1);
        ds.setApplicationName("ds-test");
        ds.setProperty("tcp_keep_alive", "false");   // an alias
        assertEquals(25, ds.getDefaultRowFetchSize());
        assertEquals(3, ds.getConnectTimeout());
        assertEquals(30, ds.getSocketTimeout());
        assertEquals(-1, ds.getPrepareThreshold());
        assertEquals("ds-test", ds.getApplicationName());
        assertEquals("ds-test", ds.getProperty("application_name"));
        assertFalse(ds.getTcpKeepAlive());
        assertEquals(10, new ScratchBirdDataSource().getConnectTimeout(), "the registry's default");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertEquals(25, s.getFetchSize());
        }
        ds.setProperty("application_name", null);
        assertNull(ds.getApplicationName());

        ds.setSslmode("sometimes");
        SQLException e = assertThrows(SQLException.class, ds::getConnection);
        assertEquals("22023", e.getSQLState());
        assertTrue(e.getMessage().contains("sslmode"), e.getMessage());
    }

    @Test
    void loginTimeoutLogWriterAndSecrets() throws Exception {
        ScratchBirdDataSource ds = configure(new ScratchBirdDataSource(), db.server());
        assertEquals(0, ds.getLoginTimeout());
        ds.setLoginTimeout(5);
        assertEquals(5, ds.getLoginTimeout());
        assertEquals("5", ds.getProperty("loginTimeout"));
        PrintWriter w = new PrintWriter(new StringWriter());
        ds.setLogWriter(w);
        assertSame(w, ds.getLogWriter());
        assertFalse(ds.toString().contains(EmbeddedScratchBird.DEFAULT_PASSWORD), ds.toString());
        assertTrue(ds.isWrapperFor(DataSource.class));
        assertSame(ds, ds.unwrap(ScratchBirdDataSource.class));
        assertTrue(ds.getParentLogger().getName().startsWith("io.scratchbird"));
        try (Connection c = ds.getConnection()) {
            assertEquals(1, selectOne(c));
        }
    }

    @Test
    void serializesAndConnectsAfterwards() throws Exception {
        ScratchBirdDataSource ds = configure(new ScratchBirdDataSource(), db.server());
        ds.setLogWriter(new PrintWriter(new StringWriter()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ds);
        }
        ScratchBirdDataSource copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ScratchBirdDataSource) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        assertNull(copy.getLogWriter(), "the log writer is not serialized");
        assertEquals(ds.getUrl(), copy.getUrl());
        try (Connection c = copy.getConnection()) {
            assertEquals(1, selectOne(c));
        }
    }

    /** Records the events of a PooledConnection. */
    static final class Events implements ConnectionEventListener {
        final List<String> seen = new ArrayList<>();
        SQLException error;

        @Override
        public void connectionClosed(ConnectionEvent event) {
            seen.add("closed");
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            seen.add("error");
            error = event.getSQLException();
        }
    }

    @Test
    void pooledConnectionHandlesCloseLogically() throws SQLException {
        ScratchBirdConnectionPoolDataSource cpds = configure(new ScratchBirdConnectionPoolDataSource(), db.server());
        PooledConnection pc = cpds.getPooledConnection();
        Events events = new Events();
        pc.addConnectionEventListener(events);
        try {
            Connection h1 = pc.getConnection();
            Object physical = h1.unwrap(io.scratchbird.jdbc.ScratchBirdConnection.class);
            try (Statement s = h1.createStatement()) {
                assertSame(h1, s.getConnection());
                s.execute("create table pooled (id integer)");
            }
            h1.close();
            assertEquals(List.of("closed"), events.seen);
            assertTrue(h1.isClosed());
            assertEquals("08003", assertThrows(SQLException.class, h1::createStatement).getSQLState());
            h1.close();   // closing twice is quiet and fires nothing
            assertEquals(1, events.seen.size());

            Connection h2 = pc.getConnection();
            assertNotSame(h1, h2);
            assertSame(physical, h2.unwrap(io.scratchbird.jdbc.ScratchBirdConnection.class), "same physical connection");
            h2.setAutoCommit(false);
            try (PreparedStatement ps = h2.prepareStatement("insert into pooled values (?)")) {
                assertSame(h2, ps.getConnection());
                ps.setInt(1, 1);
                ps.executeUpdate();
            }
            Connection h3 = pc.getConnection();   // closes h2 (no event: the pool asked for it) and rolls back
            assertTrue(h2.isClosed());
            assertTrue(h3.getAutoCommit(), "a new handle starts in autoCommit");
            try (Statement s = h3.createStatement(); ResultSet rs = s.executeQuery("select count(*) from pooled")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "the unfinished transaction was rolled back");
            }
            h3.close();
            assertFalse(events.seen.contains("error"));
        } finally {
            pc.close();
        }
        assertThrows(SQLException.class, pc::getConnection);
    }

    @Test
    void aBrokenConnectionFiresConnectionErrorOccurred() throws SQLException {
        try (EmbeddedScratchBird server = EmbeddedScratchBird.builder().inMemory().port(0).start()) {
            ScratchBirdConnectionPoolDataSource cpds = configure(new ScratchBirdConnectionPoolDataSource(), server);
            PooledConnection pc = cpds.getPooledConnection();
            Events events = new Events();
            pc.addConnectionEventListener(events);
            Connection h = pc.getConnection();
            Statement s = h.createStatement();
            assertEquals(1, selectOne(h));
            server.stop();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("select 2"));
            assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
            assertEquals(List.of("error"), events.seen);
            assertSame(e, events.error);
            // an ordinary SQL error does not fire it
            pc.close();
        }
        ScratchBirdConnectionPoolDataSource cpds = configure(new ScratchBirdConnectionPoolDataSource(), db.server());
        PooledConnection pc = cpds.getPooledConnection();
        Events events = new Events();
        pc.addConnectionEventListener(events);
        try (Connection h = pc.getConnection(); Statement s = h.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeQuery("select * from no_such_table"));
            assertEquals(1, selectOne(h));
        } finally {
            pc.close();
        }
        assertEquals(List.of("closed"), events.seen);
    }
}
