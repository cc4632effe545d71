package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineException;
import io.scratchbird.embedded.sql.EngineSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.scratchbird.embedded.storage.EngineTestSupport.fails;
import static io.scratchbird.embedded.storage.EngineTestSupport.query;
import static io.scratchbird.embedded.storage.EngineTestSupport.run;
import static io.scratchbird.embedded.storage.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Committed data survives a normal stop and a {@code kill -9}; in-memory engines are private. */
class DurabilityTest {

    private static final int ACKS_BEFORE_KILL = 60;

    @Test
    void committedDataSurvivesANormalStop(@TempDir Path dir) throws Exception {
        try (H2SqlEngine engine = H2SqlEngine.open(dir); EngineSession s = engine.openSession("test", "durability")) {
            run(s, "CREATE TABLE kept (id INTEGER PRIMARY KEY, v VECTOR(2), doc JSONB)",
                    "INSERT INTO kept VALUES (1, '[1,2]', '{\"a\":1}')", "BEGIN", "INSERT INTO kept VALUES (2, '[3,4]', '{}')");
        }
        try (H2SqlEngine engine = H2SqlEngine.open(dir); EngineSession s = engine.openSession("test", "durability")) {
            assertEquals(List.of(1), query(s, "SELECT id FROM kept").column("id"), "the open transaction was rolled back");
            assertEquals("vector", query(s, "SELECT v FROM kept").column(0).type().name());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("scratchbird.mv.db"), files.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()), "one data file, no trace or lock files left");
        }
    }

    @Test
    void acknowledgedCommitsSurviveKillNine(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        int acknowledged = 0;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("ACK ")) {
                    acknowledged = Integer.parseInt(line.substring(4));
                }
            }
            // Killed mid-stream: the child is inserting and committing the next pairs right now.
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(acknowledged >= ACKS_BEFORE_KILL, () -> "child output:\n" + output);
        try (H2SqlEngine engine = H2SqlEngine.open(dir); EngineSession s = engine.openSession("test", "durability")) {
            Set<Integer> ids = new HashSet<>();
            for (Object id : query(s, "SELECT id FROM acked").column("id")) {
                ids.add((Integer) id);
            }
            for (int i = 1; i <= acknowledged; i++) {
                assertTrue(ids.contains(i) && ids.contains(-i), "acknowledged pair " + i + " is missing");
            }
            assertFalse(ids.contains(DurabilityChild.UNCOMMITTED_ID), "uncommitted work must not be visible");
            for (int id : ids) {
                assertTrue(ids.contains(-id), "pair " + Math.abs(id) + " was committed only in part");
            }
            run(s, "INSERT INTO acked VALUES (" + (DurabilityChild.UNCOMMITTED_ID + 1) + ", 0)");
        }
    }

    @Test
    void aDataDirectoryServesOneEngineAtATime(@TempDir Path dir) throws Exception {
        try (H2SqlEngine engine = H2SqlEngine.open(dir)) {
            EngineException e = assertThrows(EngineException.class, () -> H2SqlEngine.open(dir));
            assertEquals("58030", e.sqlState());
            assertEquals("could not open the database: the data directory is in use by another server", e.getMessage());
            assertEquals(1, scalar(engine.openSession("test", "durability"), "SELECT 1"));
        }
    }

    @Test
    void cancellingALockWaitLeavesTheDataFileUsable(@TempDir Path dir) throws Exception {
        try (H2SqlEngine engine = H2SqlEngine.open(dir, Duration.ofMinutes(1));
             EngineSession holder = engine.openSession("holder", "durability");
             EngineSession waiter = engine.openSession("waiter", "durability")) {
            run(holder, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)", "INSERT INTO t VALUES (1, 0)",
                    "BEGIN", "UPDATE t SET v = 1 WHERE id = 1");
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                waiter.cancel();
            });
            canceller.start();
            fails("57014", null, waiter, "UPDATE t SET v = 2 WHERE id = 1");
            canceller.join();
            run(holder, "COMMIT");
            for (int i = 2; i < 50; i++) {
                run(waiter, "INSERT INTO t VALUES (" + i + ", " + i + ")");
            }
        }
        try (H2SqlEngine engine = H2SqlEngine.open(dir); EngineSession s = engine.openSession("test", "durability")) {
            assertEquals(49L, scalar(s, "SELECT count(*) FROM t"));
            assertEquals(1, scalar(s, "SELECT v FROM t WHERE id = 1"));
        }
    }

    @Test
    void inMemoryEnginesArePrivateAndGoneWhenClosed() throws Exception {
        try (H2SqlEngine first = H2SqlEngine.inMemory(); H2SqlEngine second = H2SqlEngine.inMemory();
             EngineSession a = first.openSession("a", "memory"); EngineSession b = second.openSession("b", "memory")) {
            run(a, "CREATE TABLE only_here (x INTEGER)", "INSERT INTO only_here VALUES (1)");
            fails("42P01", null, b, "SELECT * FROM only_here");
        }
        H2SqlEngine closed = H2SqlEngine.inMemory();
        closed.close();
        EngineException e = assertThrows(EngineException.class, () -> closed.openSession("late", "memory"));
        assertEquals("57P01", e.sqlState());
    }
}
