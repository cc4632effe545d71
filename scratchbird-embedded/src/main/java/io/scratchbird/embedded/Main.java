package io.scratchbird.embedded;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded server on its own:
 * {@code java -jar scratchbird-embedded-<version>-all.jar --data ./data --port 3092}.
 */
public final class Main {

    private static final String HELP = """
            Usage: java -jar scratchbird-embedded-<version>-all.jar [options]

            Runs a ScratchBird-compatible server (SBWP v1.1 over TLS 1.3, SCRAM-SHA-256).

              --data DIR            store data durably in DIR (created if missing)
              --memory              keep data in memory only (the default without --data)
              --port N              TCP port, 0 for an ephemeral one (default 3092)
              --bind ADDRESS        address to listen on (default 127.0.0.1)
              --user NAME           bootstrap user (default sysdba)
              --password PASSWORD   its password (default masterkey; or set SCRATCHBIRD_PASSWORD)
              --auth scram|password authentication method (default scram)
              --tls-cert FILE       PEM certificate chain (default: generated, kept in DIR/tls)
              --tls-key FILE        PEM private key for --tls-cert
              --plaintext           no TLS (local benchmarks only)
              --quirks              reference-quirks mode: byte-compatible with today's upstream server
              --max-connections N   refuse sessions beyond N with SQLSTATE 53300 (default 500)
              --role primary|secondary  role reported to clients (default primary)
              --max-parameters N    most parameters per statement, 1-65535; more get SQLSTATE 54023 (default 65535)
              --idle-in-transaction-timeout SECONDS  end sessions idle this long inside a transaction:
                                    roll back, ERROR 25P03, close (default 300; 0 = off)
              --help                show this help
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedScratchBird.Builder b;
        try {
            b = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("scratchbird-embedded: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        }
        if (b == null) {
            return;
        }
        EmbeddedScratchBird server = b.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "scratchbird-shutdown"));
        System.out.println("ScratchBird embedded server listening on port " + server.port());
        System.out.println("JDBC URL: " + server.jdbcUrl());
        if (server.certificateFile() != null) {
            System.out.println("Server certificate (sslrootcert): " + server.certificateFile());
        }
        System.out.flush();
        stopped.await();
    }

    /** @return the configured builder, or null when only help was asked for */
    static EmbeddedScratchBird.Builder parse(String[] args, PrintStream out) {
        EmbeddedScratchBird.Builder b = EmbeddedScratchBird.builder();
        String user = EmbeddedScratchBird.DEFAULT_USER;
        String password = System.getenv().getOrDefault("SCRATCHBIRD_PASSWORD", EmbeddedScratchBird.DEFAULT_PASSWORD);
        Path cert = null;
        Path key = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.print(HELP);
                    return null;
                }
                case "--data" -> b.dataDirectory(Path.of(value(args, ++i, a)));
                case "--memory" -> b.inMemory();
                case "--port" -> b.port(integer(value(args, ++i, a), a));
                case "--bind" -> b.bindAddress(value(args, ++i, a));
                case "--user" -> user = value(args, ++i, a);
                case "--password" -> password = value(args, ++i, a);
                case "--auth" -> {
                    String m = value(args, ++i, a).toLowerCase(Locale.ROOT);
                    b.authMethod(switch (m) {
                        case "scram", "scram-sha-256" -> 3;
                        case "password" -> 1;
                        default -> throw new IllegalArgumentException("--auth must be scram or password, got " + m);
                    });
                }
                case "--tls-cert" -> cert = Path.of(value(args, ++i, a));
                case "--tls-key" -> key = Path.of(value(args, ++i, a));
                case "--plaintext" -> b.plaintext();
                case "--quirks" -> b.referenceQuirks(true);
                case "--max-connections" -> b.maxConnections(integer(value(args, ++i, a), a));
                case "--role" -> b.role(value(args, ++i, a));
                case "--max-parameters" -> b.maxParametersPerStatement(integer(value(args, ++i, a), a));
                case "--idle-in-transaction-timeout" ->
                        b.idleInTransactionTimeout(java.time.Duration.ofSeconds(integer(value(args, ++i, a), a)));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key must be given together");
        }
        if (cert != null) {
            b.tlsCertificate(cert, key, null);
        }
        b.user(user, password);
        return b;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String s, String option) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + s);
        }
    }
}
