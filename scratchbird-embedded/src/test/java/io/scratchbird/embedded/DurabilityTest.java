package io.scratchbird.embedded;

import io.scratchbird.wire.message.DataRow;
import io.scratchbird.wire.message.ServerMessage;
import io.scratchbird.wire.message.TxnBegin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Committed data survives a {@code kill -9} of the server process: the server runs in a child
 * JVM ({@link Main}), a client commits rows one by one, the child is killed while the client is
 * still writing, and after a restart every acknowledged row is there and nothing uncommitted is.
 */
class DurabilityTest {

    private record Child(Process process, int port, X509Certificate certificate) {
    }

    private static Child start(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data", data.toString(), "--port", "0")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int port = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (port < 0 && (line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("ScratchBird embedded server listening on port ")) {
                port = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        if (port < 0) {
            p.destroyForcibly();
            throw new IllegalStateException("child server did not report its port");
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty so the child never blocks on its own output
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        X509Certificate cert;
        try (var in = Files.newInputStream(data.resolve("tls").resolve("server.crt"))) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        return new Child(p, port, cert);
    }

    private static SbwpTestClient connect(Child c) throws Exception {
        return SbwpTestClient.login(SbwpTestClient.open(c.port(), c.certificate()), EmbeddedScratchBird.DEFAULT_USER,
                EmbeddedScratchBird.DEFAULT_PASSWORD, 0);
    }

    @Test
    void acknowledgedCommitsSurviveKill9AndUncommittedWorkDoesNot(@TempDir Path data) throws Exception {
        Child first = start(data);
        Set<Integer> acknowledged = new HashSet<>();
        int attempted = 0;
        try (SbwpTestClient c = connect(first); SbwpTestClient open = connect(first)) {
            c.query("create table durable (id int primary key)");
            open.query("create table pending (id int)");
            open.send(TxnBegin.NO_OPTIONS);
            open.untilReady();
            open.query("insert into pending values (1)");      // never committed

            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                first.process().destroyForcibly();                   // SIGKILL: no shutdown hook runs
            });
            killer.start();
            try {
                for (int id = 0; id < 1_000_000; id++) {
                    attempted = id;
                    List<ServerMessage> r = c.query("insert into durable values (" + id + ")");
                    if (SbwpTestClient.error(r) == null) {
                        acknowledged.add(id);
                    }
                }
            } catch (IOException expected) {
                // the server died mid-stream
            }
            killer.join();
        }
        first.process().waitFor(30, TimeUnit.SECONDS);
        assertTrue(acknowledged.size() > 10, "the client committed rows before the kill: " + acknowledged.size());

        Child second = start(data);
        try (SbwpTestClient c = connect(second)) {
            Set<Integer> present = new HashSet<>();
            for (ServerMessage m : c.query("select id from durable")) {
                if (m instanceof DataRow row) {
                    present.add(Integer.parseInt(new String(row.value(0), StandardCharsets.UTF_8)));
                }
            }
            Set<Integer> lost = new HashSet<>(acknowledged);
            lost.removeAll(present);
            assertEquals(Set.of(), lost, "every acknowledged commit is present");
            List<Integer> extra = new ArrayList<>(present);
            extra.removeAll(acknowledged);
            assertTrue(extra.isEmpty() || extra.equals(List.of(attempted)),
                    "only the in-flight insert may have committed without its acknowledgement: " + extra);
            DataRow pending = (DataRow) c.query("select count(*) from pending").get(1);
            assertEquals("0", new String(pending.value(0), StandardCharsets.UTF_8), "uncommitted rows are not visible");
        } finally {
            second.process().destroyForcibly();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
