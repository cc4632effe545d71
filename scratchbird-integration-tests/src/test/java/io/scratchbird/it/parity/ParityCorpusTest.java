package io.scratchbird.it.parity;

import io.scratchbird.embedded.EmbeddedScratchBird;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cross-language parity suite (issue 9): every case of {@code parity/cases/*.json} runs
 * through the JDBC driver and through the stdlib-only Python DB-API client ({@code python/}),
 * against the same embedded server, in normal and in reference-quirks mode. Each side writes a
 * normalised transcript; the test fails on any case whose Java outcome differs from the corpus's
 * expectation or whose Python outcome differs from the Java one, and prints those cases.
 *
 * <p>{@code python3} (3.8 or newer, no packages) must be on the PATH (or named by the
 * {@code parity.python} system property / {@code PARITY_PYTHON} environment variable): without it
 * the test fails, it is never skipped.
 */
class ParityCorpusTest {

    static final Path ROOT = repositoryRoot();
    static final Path CASES = ROOT.resolve("parity/cases");
    static final Path PYTHON = ROOT.resolve("python");
    static final Path OUT = Path.of("target", "parity").toAbsolutePath();

    private static EmbeddedScratchBird normal;
    private static EmbeddedScratchBird quirks;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(OUT);
        normal = EmbeddedScratchBird.builder().inMemory().port(0).start();
        quirks = EmbeddedScratchBird.builder().inMemory().port(0).referenceQuirks(true).start();
    }

    @AfterAll
    static void stop() {
        if (normal != null) {
            normal.close();
        }
        if (quirks != null) {
            quirks.close();
        }
    }

    @Test
    void corpusIsWellFormedAndLargeEnough() throws IOException {
        List<Map<String, Object>> cases = Corpus.load(CASES);
        assertTrue(cases.size() >= 150, "the corpus needs at least 150 cases, it has " + cases.size());
    }

    @Test
    void normalMode() throws Exception {
        parity("normal", normal);
    }

    @Test
    void referenceQuirksMode() throws Exception {
        parity("quirks", quirks);
    }

    @Test
    void pythonClientUnitTests() throws Exception {
        ProcessResult r = python(List.of("-m", "unittest", "discover", "-s", "tests", "-t", "."), Map.of());
        if (r.exit != 0) {
            fail("the Python client's unit tests failed (exit " + r.exit + "):\n" + r.output);
        }
        assertTrue(r.output.contains("OK"), "python unittest did not report OK:\n" + r.output);
        System.out.println("[parity] python client unit tests: " + lastLines(r.output, 3));
    }

    private static void parity(String mode, EmbeddedScratchBird server) throws Exception {
        List<Map<String, Object>> cases = Corpus.load(CASES);
        JdbcMirror mirror = new JdbcMirror(server.jdbcUrl().replace("127.0.0.1", "localhost"), login(server));
        Map<String, Object> javaOutcomes = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            String id = (String) c.get("id");
            Object outcome;
            try {
                outcome = mirror.run(c);
            } catch (SQLException | RuntimeException e) {
                outcome = Map.of("harness_failure", e.toString());
            }
            javaOutcomes.put(id, outcome);
            Object expected = Corpus.expected(c, mode);
            if (!MiniJson.canonical(expected).equals(MiniJson.canonical(outcome))) {
                problems.add("case " + id + " [" + mode + "]: Java differs from the corpus\n  expected: "
                        + MiniJson.canonical(expected) + "\n  java:     " + MiniJson.canonical(outcome));
            }
        }
        Path javaTranscript = OUT.resolve("java-" + mode + ".jsonl");
        Transcript.write(javaTranscript, javaOutcomes);

        Path pyTranscript = OUT.resolve("python-" + mode + ".jsonl");
        Files.deleteIfExists(pyTranscript);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SB_HOST", "localhost");
        env.put("SB_PORT", Integer.toString(server.port()));
        env.put("SB_DATABASE", EmbeddedScratchBird.DEFAULT_DATABASE);
        env.put("SB_USER", EmbeddedScratchBird.DEFAULT_USER);
        env.put("SB_PASSWORD", EmbeddedScratchBird.DEFAULT_PASSWORD);
        env.put("SB_CAFILE", server.certificateFile() != null ? server.certificateFile().toString() : writeCert(server, mode));
        env.put("SB_MODE", mode);
        env.put("SB_CASES", CASES.toString());
        env.put("SB_TRANSCRIPT", pyTranscript.toString());
        ProcessResult r = python(List.of("-m", "unittest", "parity.test_corpus"), env);
        Files.writeString(OUT.resolve("python-" + mode + ".log"), r.output, StandardCharsets.UTF_8);
        if (!Files.exists(pyTranscript)) {
            fail("the Python runner wrote no transcript (exit " + r.exit + "):\n" + r.output);
        }
        Map<String, Object> pyOutcomes = Transcript.read(pyTranscript);
        Set<String> ids = new LinkedHashSet<>(javaOutcomes.keySet());
        ids.addAll(pyOutcomes.keySet());
        int same = 0;
        for (String id : ids) {
            String j = javaOutcomes.containsKey(id) ? MiniJson.canonical(javaOutcomes.get(id)) : "<missing>";
            String p = pyOutcomes.containsKey(id) ? MiniJson.canonical(pyOutcomes.get(id)) : "<missing>";
            if (j.equals(p)) {
                same++;
            } else {
                problems.add("case " + id + " [" + mode + "]: Python differs from Java\n  java:   " + j + "\n  python: " + p);
            }
        }
        System.out.println("[parity] " + mode + ": " + cases.size() + " cases, " + same + " identical in both transcripts, "
                + problems.size() + " problem(s); transcripts in " + OUT);
        if (!problems.isEmpty()) {
            fail(problems.size() + " parity problem(s) in " + mode + " mode:\n" + String.join("\n", problems)
                    + (r.exit != 0 ? "\n--- python runner output (exit " + r.exit + ") ---\n" + lastLines(r.output, 60) : ""));
        }
        assertEquals(0, r.exit, "the Python runner failed although the transcripts agree:\n" + r.output);
    }

    private static String writeCert(EmbeddedScratchBird server, String mode) throws IOException {
        Path p = OUT.resolve("server-" + mode + ".crt");
        Files.writeString(p, server.certificatePem(), StandardCharsets.US_ASCII);
        return p.toString();
    }

    static Properties login(EmbeddedScratchBird server) {
        Properties p = new Properties();
        p.setProperty("user", EmbeddedScratchBird.DEFAULT_USER);
        p.setProperty("password", EmbeddedScratchBird.DEFAULT_PASSWORD);
        p.setProperty("sslmode", "verify-full");
        p.setProperty("sslrootcert", server.certificatePem());
        return p;
    }

    record ProcessResult(int exit, String output) {
    }

    static ProcessResult python(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        String exe = System.getProperty("parity.python", System.getenv().getOrDefault("PARITY_PYTHON", "python3"));
        List<String> cmd = new ArrayList<>();
        cmd.add(exe);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(PYTHON.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + exe + "' (" + e.getMessage() + "): the parity suite needs Python 3.8+ "
                    + "on the PATH (no packages); install it (Debian: apt-get install python3) or set PARITY_PYTHON", e);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("python did not finish within 10 minutes");
        }
        return new ProcessResult(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String lastLines(String s, int n) {
        String[] lines = s.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve("parity/cases")) && Files.isDirectory(q.resolve("python"))) {
                return q;
            }
        }
        throw new IllegalStateException("no parity/cases and python/ above " + p);
    }

    /** The corpus: every case of every file, ids unique, shapes checked. */
    static final class Corpus {

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> load(Path dir) throws IOException {
            List<Map<String, Object>> out = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            }
            for (Path f : files) {
                Map<String, Object> file;
                try {
                    file = (Map<String, Object>) MiniJson.parse(Files.readString(f, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f.getFileName() + ": " + e.getMessage(), e);
                }
                for (Object o : (List<Object>) file.get("cases")) {
                    Map<String, Object> c = (Map<String, Object>) o;
                    String id = (String) c.get("id");
                    if (id == null || !ids.add(id)) {
                        throw new IllegalArgumentException(f.getFileName() + ": missing or duplicate case id " + id);
                    }
                    if (!c.containsKey("expect")) {
                        throw new IllegalArgumentException(f.getFileName() + ": case " + id + " has no expect");
                    }
                    if (c.containsKey("sql") == c.containsKey("steps")) {
                        throw new IllegalArgumentException(f.getFileName() + ": case " + id + " needs exactly one of sql, steps");
                    }
                    out.add(c);
                }
            }
            return out;
        }

        static Object expected(Map<String, Object> c, String mode) {
            if ("quirks".equals(mode) && c.containsKey("expect_quirks")) {
                return c.get("expect_quirks");
            }
            return c.get("expect");
        }
    }

    /** One JSON line per case: {"id": …, "outcome": …}, canonical form. */
    static final class Transcript {

        static void write(Path file, Map<String, Object> outcomes) throws IOException {
            StringBuilder sb = new StringBuilder();
            outcomes.forEach((id, o) -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", id);
                line.put("outcome", o);
                sb.append(MiniJson.canonical(line)).append('\n');
            });
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> read(Path file) throws IOException {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    Map<String, Object> m = (Map<String, Object>) MiniJson.parse(line);
                    out.put((String) m.get("id"), m.get("outcome"));
                }
            }
            return out;
        }
    }
}
