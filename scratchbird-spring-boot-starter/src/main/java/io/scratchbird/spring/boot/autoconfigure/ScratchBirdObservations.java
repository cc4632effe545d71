package io.scratchbird.spring.boot.autoconfigure;

import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.scratchbird.jdbc.StatementEvent;
import io.scratchbird.jdbc.StatementListener;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * A Micrometer {@link Observation} per statement, from the driver's global {@link StatementListener}
 * hook, so that tracing (and any other observation handler) sees every ScratchBird statement:
 * <ul>
 *   <li>name {@code scratchbird.client.statement}, contextual name {@code scratchbird statement};</li>
 *   <li>low-cardinality key values {@code db.system} ({@code scratchbird}), {@code pool} (the
 *       HikariCP pool name, {@code unknown} for connections no starter-configured pool opened), {@code outcome}
 *       ({@code success}/{@code error}), {@code sqlstate.class} (first two SQLSTATE characters of a
 *       failure, {@code none} on success);</li>
 *   <li>high-cardinality key values {@code db.statement} (the SQL as written, with its parameter
 *       markers; never parameter values) and {@code db.connection.id}.</li>
 * </ul>
 * The observation starts when the driver starts the statement and stops when it finishes, on the
 * executing thread, so it nests under the caller's current observation (e.g. an HTTP request span).
 * Registered once the context's singletons exist when an {@link ObservationRegistry} bean is
 * available; removed when the context closes.
 */
public class ScratchBirdObservations implements StatementListener, SmartInitializingSingleton, DisposableBean {

    /** The observation name. */
    public static final String NAME = "scratchbird.client.statement";

    private final ObjectProvider<ObservationRegistry> registries;
    private final ThreadLocal<Deque<Observation>> open = ThreadLocal.withInitial(ArrayDeque::new);
    private volatile ObservationRegistry registry;

    public ScratchBirdObservations(ObjectProvider<ObservationRegistry> registries) {
        this.registries = registries;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ObservationRegistry found = registries.getIfUnique();
        if (found != null && !found.isNoop()) {
            registry = found;
            StatementListener.addGlobal(this);
        }
    }

    @Override
    public void destroy() {
        StatementListener.removeGlobal(this);
        registry = null;
    }

    @Override
    public void statementStarted(StatementEvent event) {
        ObservationRegistry observations = registry;
        if (observations == null) {
            return;
        }
        Observation observation = Observation.createNotStarted(NAME, observations)
                .contextualName("scratchbird statement")
                .lowCardinalityKeyValue("db.system", "scratchbird")
                .lowCardinalityKeyValue("pool", PoolNames.of(event.connectionId()))
                .highCardinalityKeyValue("db.statement", event.sql() == null ? "" : event.sql())
                .highCardinalityKeyValue("db.connection.id", Long.toString(event.connectionId()))
                .start();
        open.get().push(observation);
    }

    @Override
    public void statementFinished(StatementEvent event) {
        Deque<Observation> stack = open.get();
        Observation observation = stack.poll();
        if (stack.isEmpty()) {
            open.remove();
        }
        if (observation == null) {
            return;
        }
        boolean failed = event.failed();
        observation.lowCardinalityKeyValues(KeyValues.of(
                "outcome", failed ? "error" : "success",
                "sqlstate.class", failed && event.sqlState().length() >= 2 ? event.sqlState().substring(0, 2) : "none"));
        if (failed) {
            observation.highCardinalityKeyValue("db.sqlstate", event.sqlState());
            observation.error(new StatementFailure(event.sqlState()));
        }
        observation.stop();
    }

    /** Recorded as the observation's error: the SQLSTATE of a failed statement. */
    static final class StatementFailure extends RuntimeException {

        StatementFailure(String sqlState) {
            super("SQLSTATE " + sqlState, null, false, false);
        }
    }
}
