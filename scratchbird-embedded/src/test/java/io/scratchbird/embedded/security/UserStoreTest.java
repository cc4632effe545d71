package io.scratchbird.embedded.security;

import io.scratchbird.wire.auth.ScramMechanism;
import io.scratchbird.wire.auth.ScramVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserStoreTest {

    private static final String ALICE_PASSWORD = "alice-Plaintext-7q";
    private static final String BOB_PASSWORD = "bob-Plaintext-3x";

    @TempDir
    Path dir;

    @Test
    void usersSurviveReopening() throws IOException {
        UserStore store = UserStore.open(dir);
        store.setPassword("alice", ALICE_PASSWORD);
        store.setPassword("bob", BOB_PASSWORD);

        UserStore reopened = UserStore.open(dir);
        assertEquals(Set.of("alice", "bob"), reopened.userNames());
        assertTrue(reopened.verifyPassword("alice", ALICE_PASSWORD));
        assertTrue(reopened.verifyPassword("bob", BOB_PASSWORD));
        assertFalse(reopened.verifyPassword("alice", BOB_PASSWORD));
        assertEquals(store.verifier("alice"), reopened.verifier("alice"));
        assertEquals(dir.resolve("users.properties"), reopened.file());
    }

    @Test
    void theFileHoldsVerifiersNeverPasswords() throws IOException {
        UserStore store = UserStore.open(dir);
        store.setPassword("alice", ALICE_PASSWORD);
        store.setPassword("name with = and : and ü", BOB_PASSWORD);

        Path file = dir.resolve(UserStore.FILE_NAME);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(content.contains(ALICE_PASSWORD) || content.contains(BOB_PASSWORD), content);
        List<String> entries = content.lines().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
        assertEquals(3, entries.size(), content);
        assertTrue(entries.get(0).matches("unknown-user-secret=[A-Za-z0-9+/]{43}="), content);
        assertTrue(entries.get(1).matches("user\\.alice=SCRAM-SHA-256\\$4096:[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}="),
                "one plain PostgreSQL-format verifier per line: " + content);
        assertTrue(entries.get(2).startsWith("user.name\\ with\\ \\=\\ and\\ \\:\\ and\\ ü=SCRAM-SHA-256$"), content);
        assertTrue(UserStore.open(dir).verifyPassword("name with = and : and ü", BOB_PASSWORD));
        if (AtomicFiles.isPosix(file)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var stream = Files.list(dir)) {
            assertEquals(List.of(file), stream.collect(Collectors.toList()), "no temporary file left behind");
        }
    }

    @Test
    void anyUserNameSurvivesTheFile() throws IOException {
        List<String> names = List.of("name with = and : and ü", " leading space", "tab\tnew\nline\r", "#not a comment",
                "!bang", "back\\slash\\", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "user.dotted", "\u0000nul");
        UserStore store = UserStore.open(dir);
        for (String name : names) {
            store.setPassword(name, "pw of " + name);
        }
        UserStore reopened = UserStore.open(dir);
        assertEquals(Set.copyOf(names), reopened.userNames());
        for (String name : names) {
            assertTrue(reopened.verifyPassword(name, "pw of " + name), name);
        }
    }

    @Test
    void bootstrapCreatesKeepsAndLetsConfigurationWin() throws IOException {
        UserStore store = UserStore.open(dir);
        assertTrue(store.bootstrap("admin", "first"), "created");
        ScramVerifier created = store.verifier("admin");

        assertFalse(UserStore.open(dir).bootstrap("admin", "first"), "same password: nothing written");
        assertEquals(created, UserStore.open(dir).verifier("admin"), "same salt, same verifier");

        UserStore reopened = UserStore.open(dir);
        assertTrue(reopened.bootstrap("admin", "second"), "configured password differs: replaced");
        assertTrue(reopened.verifyPassword("admin", "second"));
        assertFalse(reopened.verifyPassword("admin", "first"));
        assertTrue(UserStore.open(dir).verifyPassword("admin", "second"), "replacement persisted");

        UserStore stronger = UserStore.open(dir, ScramMechanism.SHA_512, 8192);
        assertTrue(stronger.bootstrap("admin", "second"), "verifier upgraded to the store's settings");
        assertEquals(ScramMechanism.SHA_512, stronger.verifier("admin").mechanism());
        assertEquals(8192, stronger.verifier("admin").iterations());
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() throws IOException {
        UserStore store = UserStore.open(dir);
        store.setPassword("alice", ALICE_PASSWORD);

        assertFalse(store.verifyPassword("alice", "wrong"));
        assertFalse(store.verifyPassword("mallory", "wrong"));
        assertFalse(store.verifyPassword("mallory", ""));

        ScramVerifier real = store.verifier("alice");
        ScramVerifier fake = store.verifier("mallory");
        assertEquals(real.mechanism(), fake.mechanism());
        assertEquals(real.iterations(), fake.iterations());
        assertEquals(real.salt().length, fake.salt().length);
        assertEquals(fake, store.verifier("mallory"), "stable across attempts");
        assertEquals(fake, UserStore.open(dir).verifier("mallory"), "stable across restarts");
        assertNotEquals(fake, store.verifier("mallory2"));
        assertFalse(store.hasUser("mallory"));
        assertNotEquals(fake, UserStore.open(Files.createDirectory(dir.resolve("other"))).verifier("mallory"),
                "another store has another secret");
    }

    /** PBKDF2 dominates both paths; the unknown user must not be answered measurably faster. */
    @Test
    void unknownUserCostsAPbkdf2LikeAWrongPassword() throws IOException {
        UserStore store = UserStore.inMemory(ScramMechanism.SHA_256, 100_000);
        store.setPassword("alice", ALICE_PASSWORD);
        for (int i = 0; i < 2; i++) { // warm-up
            store.verifyPassword("alice", "wrong");
            store.verifyPassword("mallory", "wrong");
        }
        long wrongPassword = medianNanos(() -> store.verifyPassword("alice", "wrong"));
        long unknownUser = medianNanos(() -> store.verifyPassword("mallory", "wrong"));
        assertTrue(unknownUser * 3 > wrongPassword && wrongPassword * 3 > unknownUser,
                "wrong password " + wrongPassword / 1000 + " µs vs unknown user " + unknownUser / 1000 + " µs");
    }

    @Test
    void removeUser() throws IOException {
        UserStore store = UserStore.open(dir);
        store.setPassword("alice", ALICE_PASSWORD);
        assertTrue(store.removeUser("alice"));
        assertFalse(store.removeUser("alice"));
        assertFalse(UserStore.open(dir).hasUser("alice"));
        assertFalse(UserStore.open(dir).verifyPassword("alice", ALICE_PASSWORD));
    }

    @Test
    void inMemoryStoreWritesNothing() throws IOException {
        UserStore store = UserStore.inMemory();
        store.setPassword("alice", ALICE_PASSWORD);
        assertTrue(store.verifyPassword("alice", ALICE_PASSWORD));
        assertNull(store.file());
        try (var stream = Files.list(dir)) {
            assertEquals(0, stream.count());
        }
    }

    @Test
    void handWrittenOrDamagedFilesAreRefusedWithoutEchoingValues() throws IOException {
        Path file = dir.resolve(UserStore.FILE_NAME);
        Files.writeString(file, "alice=" + ALICE_PASSWORD + "\n");
        IOException plaintext = assertThrows(IOException.class, () -> UserStore.open(dir));
        assertFalse(plaintext.getMessage().contains(ALICE_PASSWORD), plaintext.getMessage());

        Files.writeString(file, "user.alice=" + ALICE_PASSWORD + "\n");
        IOException notAVerifier = assertThrows(IOException.class, () -> UserStore.open(dir));
        assertTrue(notAVerifier.getMessage().contains("'alice'"), notAVerifier.getMessage());
        assertFalse(notAVerifier.getMessage().contains(ALICE_PASSWORD), notAVerifier.getMessage());

        Files.writeString(file, "unknown-user-secret=c2hvcnQ=\n");
        assertThrows(IOException.class, () -> UserStore.open(dir));
    }

    @Test
    void aFileWithoutSecretGetsOne() throws IOException {
        String line = ScramVerifier.create(ScramMechanism.SHA_256, ALICE_PASSWORD).encode();
        Files.writeString(dir.resolve(UserStore.FILE_NAME), "user.alice=" + line + "\n");
        ScramVerifier fake = UserStore.open(dir).verifier("mallory");
        assertTrue(Files.readString(dir.resolve(UserStore.FILE_NAME)).contains("unknown-user-secret="));
        assertEquals(fake, UserStore.open(dir).verifier("mallory"));
        assertTrue(UserStore.open(dir).verifyPassword("alice", ALICE_PASSWORD));
    }

    @Test
    void invalidArguments() {
        UserStore store = UserStore.inMemory();
        assertThrows(IllegalArgumentException.class, () -> store.setPassword("", "pw"));
        assertThrows(NullPointerException.class, () -> store.setPassword("alice", null));
        assertThrows(IllegalArgumentException.class, () -> UserStore.inMemory(ScramMechanism.SHA_256, 100));
        assertTrue(store.toString().contains("in memory"));
    }

    @Test
    void concurrentChangesAndLookupsStayConsistent() throws Exception {
        UserStore store = UserStore.open(dir);
        store.setPassword("shared", "shared-pw");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String user = "user" + t;
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int round = 0; round < 3; round++) {
                        store.setPassword(user, "pw-" + round);
                        ok &= store.verifyPassword(user, "pw-" + round);
                        ok &= store.verifyPassword("shared", "shared-pw");
                        ok &= !store.verifyPassword("nobody", "pw-" + round);
                        store.bootstrap("shared", "shared-pw");
                    }
                    return ok;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
        UserStore reopened = UserStore.open(dir);
        Set<String> expected = IntStream.range(0, threads).mapToObj(t -> "user" + t).collect(Collectors.toSet());
        expected.add("shared");
        assertEquals(expected, reopened.userNames());
        for (int t = 0; t < threads; t++) {
            assertTrue(reopened.verifyPassword("user" + t, "pw-2"));
        }
        assertArrayEquals(store.verifier("shared").storedKey(), reopened.verifier("shared").storedKey());
    }

    private static long medianNanos(Runnable action) {
        long[] samples = new long[5];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            action.run();
            samples[i] = System.nanoTime() - start;
        }
        Arrays.sort(samples);
        return samples[samples.length / 2];
    }
}
