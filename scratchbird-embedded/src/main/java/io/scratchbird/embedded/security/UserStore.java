package io.scratchbird.embedded.security;

import io.scratchbird.wire.auth.ScramException;
import io.scratchbird.wire.auth.ScramMechanism;
import io.scratchbird.wire.auth.ScramVerifier;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The embedded server's users: user name → {@link ScramVerifier} (salted, iterated; a password is
 * never stored). Persistent in {@code <data directory>/users.properties} or kept in memory.
 *
 * <p><b>File format</b> ({@code java.util.Properties}, UTF-8, owner-only where POSIX, replaced
 * atomically on every change):
 * <pre>
 * unknown-user-secret=&lt;base64, 32 bytes&gt;
 * user.&lt;name&gt;=SCRAM-SHA-256$4096:&lt;salt&gt;$&lt;StoredKey&gt;:&lt;ServerKey&gt;
 * </pre>
 * Any other entry, or a value that is not a verifier, makes {@link #open} fail instead of being
 * ignored: a hand-written {@code alice=secret} must not pass unnoticed.
 *
 * <p><b>Unknown users</b> get a fake verifier from {@link #verifier}: its salt and keys are an
 * HMAC of the user name under the store's secret, so it is stable across attempts and restarts,
 * shaped like a real one (same mechanism, iterations and salt length), and matches no password.
 * An unknown user and a wrong password therefore look the same in the SCRAM exchange, in the
 * outcome, and in cost ({@link #verifyPassword} runs the same PBKDF2). Callers must keep their
 * error messages equally uniform. A user whose verifier uses another mechanism or iteration count
 * than the store's settings is distinguishable from an unknown one; {@link #bootstrap} upgrades.
 *
 * <p>User names are compared exactly (case-sensitive, no normalisation). Thread-safe: lookups
 * are lock-free, changes are serialised and reach the file before they become visible.
 */
public final class UserStore {

    public static final String FILE_NAME = "users.properties";
    private static final String USER_PREFIX = "user.";
    private static final String SECRET_KEY = "unknown-user-secret";
    private static final int SECRET_LENGTH = 32;
    private static final String FILE_HEADER = "# ScratchBird embedded server users: SCRAM verifiers (RFC 5802), never passwords.\n"
            + "# user.<name>=<mechanism>$<iterations>:<salt>$<StoredKey>:<ServerKey>; change them through the server, not by hand.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final ScramMechanism mechanism;
    private final int iterations;
    private final byte[] unknownUserSecret;
    private final ConcurrentMap<String, ScramVerifier> verifiers;
    private final Object writeLock = new Object();

    private UserStore(Path file, ScramMechanism mechanism, int iterations, byte[] unknownUserSecret,
                      Map<String, ScramVerifier> users) {
        this.file = file;
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        if (iterations < ScramVerifier.MIN_ITERATIONS || iterations > ScramVerifier.MAX_ITERATIONS) {
            throw new IllegalArgumentException("iteration count " + iterations + " is outside "
                    + ScramVerifier.MIN_ITERATIONS + ".." + ScramVerifier.MAX_ITERATIONS);
        }
        this.iterations = iterations;
        this.unknownUserSecret = unknownUserSecret;
        this.verifiers = new ConcurrentHashMap<>(users);
    }

    /** Opens (or creates) {@code <dataDirectory>/users.properties}; new verifiers are SCRAM-SHA-256, 4096 iterations. */
    public static UserStore open(Path dataDirectory) throws IOException {
        return open(dataDirectory, ScramMechanism.SHA_256, ScramVerifier.DEFAULT_ITERATIONS);
    }

    /**
     * Opens (or creates) {@code <dataDirectory>/users.properties}.
     *
     * @param mechanism  mechanism of new verifiers and of unknown users' fake ones
     * @param iterations iteration count of new verifiers and of fake ones
     * @throws IOException the file cannot be read or written, or holds an entry that is not a verifier
     */
    public static UserStore open(Path dataDirectory, ScramMechanism mechanism, int iterations) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            UserStore created = new UserStore(file, mechanism, iterations, newSecret(), Map.of());
            created.persist(Map.of());
            return created;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String secret = properties.getProperty(SECRET_KEY);
        UserStore opened = new UserStore(file, mechanism, iterations,
                secret == null ? newSecret() : decodeSecret(file, secret), readUsers(file, properties));
        if (secret == null) {
            opened.persist(opened.verifiers);
        }
        return opened;
    }

    /** A store that lives only in memory; new verifiers are SCRAM-SHA-256, 4096 iterations. */
    public static UserStore inMemory() {
        return inMemory(ScramMechanism.SHA_256, ScramVerifier.DEFAULT_ITERATIONS);
    }

    /** A store that lives only in memory. */
    public static UserStore inMemory(ScramMechanism mechanism, int iterations) {
        return new UserStore(null, mechanism, iterations, newSecret(), Map.of());
    }

    /**
     * Makes sure the configured user exists with the configured password. Configuration wins: a
     * user who is missing, whose stored verifier does not match {@code password}, or whose
     * verifier uses another mechanism or iteration count than this store's, gets a fresh verifier
     * (new salt); otherwise nothing is written. Costs one PBKDF2 per call.
     *
     * @return true when the verifier was created or replaced
     */
    public boolean bootstrap(String user, String password) throws IOException {
        requireUserName(user);
        Objects.requireNonNull(password, "password");
        synchronized (writeLock) {
            ScramVerifier existing = verifiers.get(user);
            if (existing != null && existing.mechanism() == mechanism && existing.iterations() == iterations
                    && existing.verifiesPassword(password)) {
                return false;
            }
            write(user, ScramVerifier.create(mechanism, password, iterations));
            return true;
        }
    }

    /** Creates the user or replaces the password, with a fresh salt. */
    public void setPassword(String user, String password) throws IOException {
        requireUserName(user);
        Objects.requireNonNull(password, "password");
        // PBKDF2 runs before taking the lock, so slow derivations do not queue up behind each other.
        ScramVerifier verifier = ScramVerifier.create(mechanism, password, iterations);
        synchronized (writeLock) {
            write(user, verifier);
        }
    }

    /** Removes the user; false when there was no such user. */
    public boolean removeUser(String user) throws IOException {
        synchronized (writeLock) {
            if (!verifiers.containsKey(user)) {
                return false;
            }
            write(user, null);
            return true;
        }
    }

    /** For administration; authentication must not branch on it (use {@link #verifier} / {@link #verifyPassword}). */
    public boolean hasUser(String user) {
        return verifiers.containsKey(user);
    }

    /** The user names, sorted. */
    public SortedSet<String> userNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(verifiers.keySet()));
    }

    /**
     * PASSWORD authentication (SBWP method 1): true only for a known user with this password.
     * An unknown user costs the same PBKDF2 and also yields false.
     */
    public boolean verifyPassword(String user, String password) {
        return verifier(user).verifiesPassword(Objects.requireNonNull(password, "password"));
    }

    /**
     * The verifier to run a SCRAM exchange against: the user's own, or for an unknown user a
     * deterministic fake one that no password matches. Pick the AUTH_REQUEST method from its
     * {@linkplain ScramVerifier#mechanism() mechanism} ({@link AuthMethod#forScram}).
     */
    public ScramVerifier verifier(String user) {
        ScramVerifier known = verifiers.get(Objects.requireNonNull(user, "user"));
        return known != null ? known : fakeVerifier(user);
    }

    /** Mechanism of new and fake verifiers. */
    public ScramMechanism mechanism() {
        return mechanism;
    }

    /** Iteration count of new and fake verifiers. */
    public int iterations() {
        return iterations;
    }

    /** The backing file, or null for an in-memory store. */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "UserStore[" + (file == null ? "in memory" : file) + ", " + verifiers.size() + " users]";
    }

    private ScramVerifier fakeVerifier(String user) {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        byte[] salt = Arrays.copyOf(mechanism.hmac(unknownUserSecret, labelled("salt", name)), ScramVerifier.SALT_LENGTH);
        return ScramVerifier.of(mechanism, salt, iterations,
                mechanism.hmac(unknownUserSecret, labelled("stored-key", name)),
                mechanism.hmac(unknownUserSecret, labelled("server-key", name)));
    }

    /** {@code label NUL name}: distinct labels keep the three derived values independent. */
    private static byte[] labelled(String label, byte[] name) {
        byte[] prefix = (label + '\0').getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(prefix, prefix.length + name.length);
        System.arraycopy(name, 0, out, prefix.length, name.length);
        return out;
    }

    /** Applies one change (null verifier = removal): to the file first, then to the live map. Caller holds the lock. */
    private void write(String user, ScramVerifier verifier) throws IOException {
        Map<String, ScramVerifier> next = new TreeMap<>(verifiers);
        if (verifier == null) {
            next.remove(user);
        } else {
            next.put(user, verifier);
        }
        persist(next);
        if (verifier == null) {
            verifiers.remove(user);
        } else {
            verifiers.put(user, verifier);
        }
    }

    /**
     * Writes the whole store, users sorted by name. Written by hand rather than with
     * {@code Properties.store}, which would escape every {@code =} and {@code :} of the verifiers
     * and add a timestamp; {@code Properties.load} reads this form back exactly.
     */
    private void persist(Map<String, ScramVerifier> users) throws IOException {
        if (file == null) {
            return;
        }
        StringBuilder out = new StringBuilder(FILE_HEADER).append('\n');
        out.append(SECRET_KEY).append('=').append(Base64.getEncoder().encodeToString(unknownUserSecret)).append('\n');
        new TreeMap<>(users).forEach((user, verifier) ->
                out.append(escapeKey(USER_PREFIX + user)).append('=').append(verifier.encode()).append('\n'));
        AtomicFiles.createPrivateDirectory(file.toAbsolutePath().getParent());
        AtomicFiles.writeSecret(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code java.util.Properties} key escaping, so that any user name survives a reload unchanged. */
    private static String escapeKey(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '\\', ' ', '=', ':', '#', '!' -> out.append('\\').append(c);
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters and surrogates (UTF-8 cannot carry an unpaired one) as Unicode escapes.
                    if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static Map<String, ScramVerifier> readUsers(Path file, Properties properties) throws IOException {
        Map<String, ScramVerifier> users = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.equals(SECRET_KEY)) {
                continue;
            }
            if (!key.startsWith(USER_PREFIX) || key.length() == USER_PREFIX.length()) {
                // The key is not echoed: a misplaced plaintext password could be standing there.
                throw new IOException(file + ": an entry is neither '" + USER_PREFIX + "<name>' nor '" + SECRET_KEY + "'");
            }
            String user = key.substring(USER_PREFIX.length());
            try {
                users.put(user, ScramVerifier.parse(properties.getProperty(key)));
            } catch (ScramException e) {
                throw new IOException(file + ": the entry of user '" + user + "' is not a SCRAM verifier: " + e.getMessage(), e);
            }
        }
        return users;
    }

    private static byte[] newSecret() {
        byte[] secret = new byte[SECRET_LENGTH];
        RANDOM.nextBytes(secret);
        return secret;
    }

    private static byte[] decodeSecret(Path file, String encoded) throws IOException {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            secret = new byte[0];
        }
        if (secret.length < SECRET_LENGTH) {
            throw new IOException(file + ": '" + SECRET_KEY + "' must be at least " + SECRET_LENGTH + " bytes of base64");
        }
        return secret;
    }

    private static void requireUserName(String user) {
        if (Objects.requireNonNull(user, "user").isEmpty()) {
            throw new IllegalArgumentException("user name must not be empty");
        }
    }
}
