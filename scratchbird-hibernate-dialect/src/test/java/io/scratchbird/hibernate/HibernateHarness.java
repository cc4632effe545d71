package io.scratchbird.hibernate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scratchbird.embedded.EmbeddedScratchBird;
import io.scratchbird.jdbc.ScratchBirdDataSource;
import io.scratchbird.jdbc.StatementEvent;
import io.scratchbird.jdbc.StatementListener;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Plain Hibernate (no Spring) against an embedded server: a HikariCP pool over the driver's
 * DataSource with TLS verify-full, no {@code hibernate.dialect} (the resolver must find it), and
 * every SQL string the driver sends recorded so tests can inspect what really went on the wire.
 */
final class HibernateHarness implements AutoCloseable {

    /** Forms SQL-DIALECT.md forbids or that SBsql does not have (§2, §5, §12, §13). */
    static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("\\bint8\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\boid\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bfloat\\s*(\\(|\\b)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("timestamp(\\(\\d+\\))?\\s+with\\s+time\\s+zone", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\boffset\\s+\\S+\\s+rows?\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bfetch\\s+(first|next)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bfor\\s+(share|no\\s+key\\s+update|key\\s+share)\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bnextval\\s*\\(", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bserial\\b|\\bbigserial\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b\\w+\\s*\\[\\]", Pattern.CASE_INSENSITIVE),
            Pattern.compile("<->|<=>|<#>"),
            Pattern.compile("\\bpublic\\.", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\binformation_schema\\.sequences\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bnatural\\s+join\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bdistinct\\s+on\\b", Pattern.CASE_INSENSITIVE));

    /** Every statement the driver sent, in order, across all harnesses of the test run. */
    static final List<String> SENT = Collections.synchronizedList(new ArrayList<>());
    static final List<StatementEvent> EVENTS = Collections.synchronizedList(new ArrayList<>());

    static {
        StatementListener.addGlobal(new StatementListener() {
            @Override
            public void statementFinished(StatementEvent event) {
                SENT.add(event.sql());
                EVENTS.add(event);
            }
        });
    }

    final HikariDataSource pool;
    final SessionFactory sessionFactory;
    private final StandardServiceRegistry registry;

    HibernateHarness(EmbeddedScratchBird server, String ddlAuto, Map<String, Object> extra, Class<?>... entities) {
        ScratchBirdDataSource ds = new ScratchBirdDataSource();
        ds.setUrl(server.jdbcUrl().replace("127.0.0.1", "localhost"));
        ds.setUser(EmbeddedScratchBird.DEFAULT_USER);
        ds.setPassword(EmbeddedScratchBird.DEFAULT_PASSWORD);
        if (server.tlsEnabled()) {
            ds.setSslmode("verify-full");
            ds.setSslrootcert(server.certificatePem());
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(ds);
        config.setMaximumPoolSize(4);
        config.setPoolName("hibernate-test");
        pool = new HikariDataSource(config);

        StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, ddlAuto)
                .applySetting(AvailableSettings.SHOW_SQL, false);
        extra.forEach(builder::applySetting);
        registry = builder.build();
        MetadataSources sources = new MetadataSources(registry);
        for (Class<?> c : entities) {
            sources.addAnnotatedClass(c);
        }
        try {
            sessionFactory = sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            pool.close();
            throw e;
        }
    }

    HibernateHarness(EmbeddedScratchBird server, String ddlAuto, Class<?>... entities) {
        this(server, ddlAuto, Map.of(), entities);
    }

    /** Statements sent from now on (a mark, then {@link #since}). */
    static int mark() {
        return SENT.size();
    }

    static List<String> since(int mark) {
        synchronized (SENT) {
            return new ArrayList<>(SENT.subList(mark, SENT.size()));
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
        StandardServiceRegistryBuilder.destroy(registry);
        pool.close();
    }
}
