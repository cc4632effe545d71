package io.scratchbird.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scratchbird.jdbc.ScratchBirdDriver;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.FrameReader;
import io.scratchbird.wire.message.AuthOk;
import io.scratchbird.wire.message.AuthRequest;
import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.Ready;
import io.scratchbird.wire.message.ServerMessage;
import io.scratchbird.wire.Bytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The driver's connection and {@code ProtocolSession} state machine against a hostile or broken
 * server: a tiny fake server in the test performs a real SBWP login (STARTUP, PASSWORD
 * AUTH_REQUEST, AUTH_RESPONSE, AUTH_OK, P1 READY) over loopback TCP and then writes the fuzz
 * bytes as its answer to whatever the driver asks, and ends the stream. The driver runs one of
 * several JDBC workloads (simple query with full result-set reads, server-side prepared
 * statement, transaction with commit, rollback, batch, {@code isValid}).
 *
 * <p>Contract: every JDBC call either returns or throws an {@link SQLException} (any subclass);
 * any other exception or error is a finding. The whole exchange must finish within
 * {@link #HANG_GUARD_SECONDS} (the socket timeout is 2 s; the stream ends after the fuzz bytes, so
 * a driver still waiting after the guard is wedged). Fuzz JVMs run with {@code -Xmx512m}: an
 * unbounded allocation surfaces as {@link OutOfMemoryError}. Closing the connection afterwards
 * must not throw anything but {@link SQLException} either.
 *
 * <p>Input layout (Jazzer's {@link FuzzedDataProvider} takes integers from the end): the server
 * byte stream, then one byte choosing the workload. Seeds in
 * {@code ProtocolSessionFuzzTestInputs/serverStream/} are well-formed answers for each workload.
 */
class ProtocolSessionFuzzTest {

    static final int WORKLOADS = 6;
    static final long HANG_GUARD_SECONDS = 20;

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "protocol-session-fuzz");
        t.setDaemon(true);
        return t;
    });

    @FuzzTest(maxDuration = "10s")
    void serverStream(FuzzedDataProvider data) throws Exception {
        int workload = data.consumeInt(0, WORKLOADS - 1);
        exchange(workload, data.consumeRemainingAsBytes());
    }

    /** The fake server really logs the driver in: well-formed answers make the query workload succeed (the fuzz target is not vacuous). */
    @org.junit.jupiter.api.Test
    void wellFormedAnswersSucceed() throws Exception {
        UUID session = new UUID(0x5B, 0x1);
        for (int w : new int[]{0}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int seq = 4;
            for (ServerMessage m : answers(w, session)) {
                out.write(frame(m, seq++, session));
            }
            SQLException failure = exchange(w, out.toByteArray());
            if (failure != null) {
                throw new AssertionError("workload " + w + " failed against well-formed answers", failure);
            }
        }
    }

    private static SQLException exchange(int workload, byte[] stream) throws Exception {
        // Jazzer's SSRF detector reports every socket connection while fuzzing; this target talks
        // to its own loopback fake server on purpose.
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections(ProtocolSessionFuzzTest::loopback);
             ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<?> server = THREADS.submit(() -> {
                serve(listener, stream);
                return null;
            });
            Future<SQLException> client = THREADS.submit(() -> {
                try (SilentCloseable alsoInThisThread = BugDetectors.allowNetworkConnections(ProtocolSessionFuzzTest::loopback)) {
                    return runWorkload(listener.getLocalPort(), workload);
                }
            });
            try {
                return client.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException hang) {
                client.cancel(true);
                throw new AssertionError("the driver hung for " + HANG_GUARD_SECONDS + " s on workload " + workload
                        + " although the server's stream had ended");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new AssertionError("a JDBC call threw something other than SQLException: " + cause, cause);
            } finally {
                server.cancel(true);
            }
        }
    }

    private static boolean loopback(String host, Integer port) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host) || "0:0:0:0:0:0:0:1".equals(host);
    }

    /** Accepts one connection, performs the login, writes the fuzz bytes, ends the stream. */
    private static void serve(ServerSocket listener, byte[] stream) throws IOException {
        try (Socket s = listener.accept()) {
            s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            FrameReader reader = new FrameReader(in, FrameHeader.CLIENT_MAX_PAYLOAD);
            if (reader.read() == null) {                        // STARTUP
                return;
            }
            UUID session = new UUID(0x5B, 0x1);
            out.write(frame(AuthRequest.of(AuthRequest.PASSWORD), 1, FrameHeader.ZERO_UUID));
            out.flush();
            if (reader.read() == null) {                        // AUTH_RESPONSE
                return;
            }
            out.write(frame(new AuthOk(session, Bytes.utf8("")), 2, FrameHeader.ZERO_UUID));
            out.write(frame(Ready.of(session, 0, Ready.REASON_COMMAND_COMPLETE, 0x0101, 0), 3, session));
            out.write(stream);
            out.flush();
            s.shutdownOutput();
            // Drain what the driver still sends until it closes, so its writes never block.
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException ended) {
            // the driver closed or reset the connection: expected
        }
    }

    static byte[] frame(ServerMessage m, int sequence, UUID attachment) {
        return Messages.toFrame(m, 0, sequence, attachment, 0).toBytes();
    }

    /** The JDBC calls of one workload; only {@link SQLException} may come out of any of them. */
    static SQLException runWorkload(int port, int workload) {
        Properties p = new Properties();
        p.setProperty("user", "fuzz");
        p.setProperty("password", "fuzz");
        p.setProperty("sslmode", "disable");
        p.setProperty("socketTimeout", "2");
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "5");
        p.setProperty("prepareThreshold", "1");
        Connection c;
        try {
            c = new ScratchBirdDriver().connect("jdbc:scratchbird://127.0.0.1:" + port + "/default", p);
        } catch (SQLException refused) {
            return refused;
        }
        try {
            switch (workload) {
                case 0 -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1, 'a'")) {
                        readAll(rs);
                    }
                }
                case 1 -> {
                    try (PreparedStatement ps = c.prepareStatement("select ? as v")) {
                        ps.setInt(1, 7);
                        try (ResultSet rs = ps.executeQuery()) {
                            readAll(rs);
                        }
                        ps.setString(1, "x");
                        try (ResultSet rs = ps.executeQuery()) {
                            readAll(rs);
                        }
                    }
                }
                case 2 -> {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("update t set v = 1");
                    }
                    c.commit();
                }
                case 3 -> {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.execute("insert into t values (1)");
                        s.getUpdateCount();
                        s.getMoreResults();
                    }
                    c.rollback();
                }
                case 4 -> {
                    try (PreparedStatement ps = c.prepareStatement("insert into t values (?)")) {
                        for (int i = 0; i < 3; i++) {
                            ps.setInt(1, i);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                default -> {
                    c.isValid(1);
                    c.getMetaData().getDatabaseProductVersion();
                    try (Statement s = c.createStatement()) {
                        if (s.execute("select 1; select 2")) {
                            readAll(s.getResultSet());
                        }
                    }
                }
            }
            // the connection must stay coherent after whatever happened: a second request
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 2")) {
                readAll(rs);
            }
            return null;
        } catch (SQLException expected) {
            // the documented way for a broken or hostile server to fail a call
            return expected;
        } finally {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken connection may report it
            }
        }
    }

    private static void readAll(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        for (int i = 1; i <= n; i++) {
            md.getColumnTypeName(i);
            md.getColumnClassName(i);
        }
        while (rs.next()) {
            for (int i = 1; i <= n; i++) {
                rs.getObject(i);
                rs.getString(i);
            }
        }
    }

    /** Well-formed answers a server would give to workload {@code w} (and the follow-up {@code select 2}). */
    static java.util.List<ServerMessage> answers(int w, UUID session) {
        java.util.List<ServerMessage> out = new java.util.ArrayList<>();
        io.scratchbird.wire.message.RowDescription two = io.scratchbird.wire.message.RowDescription.of(0, java.util.List.of(
                io.scratchbird.wire.message.RowDescription.Column.of(1, "c1",
                        io.scratchbird.wire.message.TypeRefs.declared(io.scratchbird.wire.codec.TypeOids.INT4, 0, 0), false, 0, java.util.Map.of()),
                io.scratchbird.wire.message.RowDescription.Column.of(2, "c2",
                        io.scratchbird.wire.message.TypeRefs.declared(io.scratchbird.wire.codec.TypeOids.TEXT, 0, 0), true, 0, java.util.Map.of())));
        io.scratchbird.wire.message.RowDescription one = io.scratchbird.wire.message.RowDescription.of(0, java.util.List.of(
                io.scratchbird.wire.message.RowDescription.Column.of(1, "v",
                        io.scratchbird.wire.message.TypeRefs.declared(io.scratchbird.wire.codec.TypeOids.INT4, 0, 0), false, 0, java.util.Map.of())));
        byte[] n1 = io.scratchbird.wire.codec.Codecs.INT4.encodeBinary(1);
        byte[] n2 = io.scratchbird.wire.codec.Codecs.INT4.encodeBinary(2);
        byte[] a = io.scratchbird.wire.codec.Codecs.TEXT.encodeBinary("a");
        Ready idle = Ready.of(session, 0, Ready.REASON_COMMAND_COMPLETE, 0x0101, 0);
        Ready inTxn = Ready.of(session, 42, Ready.REASON_COMMAND_COMPLETE, 0x0101, 0);
        var cc = (java.util.function.BiFunction<String, Long, ServerMessage>) io.scratchbird.wire.message.CommandComplete::of;
        switch (w) {
            case 0 -> {
                out.add(two);
                out.add(io.scratchbird.wire.message.DataRow.of(n1, a));
                out.add(cc.apply("SELECT 1", 1L));
                out.add(idle);
            }
            case 1 -> {
                for (int i = 0; i < 2; i++) {
                    out.add(io.scratchbird.wire.message.EmptyMessage.PARSE_COMPLETE);
                    out.add(io.scratchbird.wire.message.ParameterDescription.of(java.util.List.of(
                            io.scratchbird.wire.message.ParameterDescription.Parameter.of(1,
                                    io.scratchbird.wire.message.TypeRefs.declared(io.scratchbird.wire.codec.TypeOids.INT4, 0, 0), false))));
                    out.add(io.scratchbird.wire.message.EmptyMessage.BIND_COMPLETE);
                    out.add(one);
                    out.add(io.scratchbird.wire.message.DataRow.of(n1));
                    out.add(cc.apply("SELECT 1", 1L));
                    out.add(idle);
                }
            }
            case 2 -> {
                out.add(cc.apply("BEGIN", 0L));
                out.add(inTxn);
                out.add(cc.apply("UPDATE", 1L));
                out.add(inTxn);
                out.add(cc.apply("COMMIT", 0L));
                out.add(idle);
            }
            case 3 -> {
                out.add(cc.apply("BEGIN", 0L));
                out.add(inTxn);
                out.add(io.scratchbird.wire.message.ErrorResponse.of("42P01", "table t does not exist", "SQL.TABLE_NOT_FOUND"));
                out.add(Ready.of(session, 42, Ready.REASON_ERROR_RECOVERED, 0x0101, 0));
                out.add(cc.apply("ROLLBACK", 0L));
                out.add(idle);
            }
            case 4 -> {
                out.add(io.scratchbird.wire.message.EmptyMessage.PARSE_COMPLETE);
                for (int i = 0; i < 3; i++) {
                    out.add(io.scratchbird.wire.message.EmptyMessage.BIND_COMPLETE);
                    out.add(cc.apply("INSERT", 1L));
                }
                out.add(idle);
            }
            default -> {
                out.add(io.scratchbird.wire.message.OpaqueMessage.pong(new byte[0]));
                out.add(one);
                out.add(io.scratchbird.wire.message.DataRow.of(n1));
                out.add(cc.apply("SELECT 1", 1L));
                out.add(one);
                out.add(io.scratchbird.wire.message.DataRow.of(n2));
                out.add(cc.apply("SELECT 1", 1L));
                out.add(idle);
            }
        }
        // the follow-up "select 2"
        out.add(one);
        out.add(io.scratchbird.wire.message.DataRow.of(n2));
        out.add(cc.apply("SELECT 1", 1L));
        out.add(idle);
        return out;
    }

    /** Writes the kept seeds: well-formed server answers for each workload. Run by hand (see docs/reliability.md). */
    public static void main(String[] args) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0], "io/scratchbird/fuzz/ProtocolSessionFuzzTestInputs/serverStream");
        java.nio.file.Files.createDirectories(dir);
        UUID session = new UUID(0x5B, 0x1);
        for (int w = 0; w < WORKLOADS; w++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int seq = 4;
            for (ServerMessage m : answers(w, session)) {
                out.write(frame(m, seq++, session));
            }
            out.write(w);
            java.nio.file.Files.write(dir.resolve(String.format("workload-%d-valid-answers", w)), out.toByteArray());
        }
        java.nio.file.Files.write(dir.resolve("workload-0-empty-stream"), new byte[]{0});
        byte[] garbage = new byte[64];
        new java.util.Random(11).nextBytes(garbage);
        garbage[garbage.length - 1] = 2;
        java.nio.file.Files.write(dir.resolve("workload-2-random-bytes"), garbage);
    }
}
