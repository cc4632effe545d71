package io.scratchbird.spring.boot.autoconfigure;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scratchbird.jdbc.StatementEvent;
import io.scratchbird.jdbc.StatementListener;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * {@code scratchbird.client.*} meters from the driver's global {@link StatementListener} hook:
 * <ul>
 *   <li>{@code scratchbird.client.statements} (timer): every execution, tagged {@code outcome}
 *       ({@code success}/{@code error}) and {@code sqlstate.class} (the first two SQLSTATE
 *       characters of a failure, {@code none} on success) and {@code pool};</li>
 *   <li>{@code scratchbird.client.rows} (counter): rows returned or updated by successful executions,
 *       tagged {@code pool};</li>
 *   <li>{@code scratchbird.client.bytes} (counter, base unit bytes): traffic of the executions, tagged
 *       {@code direction} ({@code sent}/{@code received}) and {@code pool};</li>
 *   <li>{@code scratchbird.client.prepared.cache} (counter): prepared-statement executions that reused
 *       the server-side statement ({@code result=hit}) or had to PARSE ({@code result=miss}), tagged {@code pool}.</li>
 * </ul>
 * The listener is registered once the context's singletons exist (when a {@link MeterRegistry}
 * bean is available) and removed when the context closes. It sees every ScratchBird connection of
 * the JVM; {@code pool} is the HikariCP pool name of the connection when a pool configured by the
 * starter opened it ({@link PoolNames}), {@code unknown} otherwise.
 */
public class ScratchBirdClientMetrics implements StatementListener, SmartInitializingSingleton, DisposableBean {

    private final ObjectProvider<MeterRegistry> registries;
    private volatile MeterRegistry registry;

    public ScratchBirdClientMetrics(ObjectProvider<MeterRegistry> registries) {
        this.registries = registries;
    }

    @Override
    public void afterSingletonsInstantiated() {
        registry = registries.getIfUnique();
        if (registry != null) {
            StatementListener.addGlobal(this);
        }
    }

    @Override
    public void destroy() {
        StatementListener.removeGlobal(this);
        registry = null;
    }

    @Override
    public void statementFinished(StatementEvent event) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        boolean failed = event.failed();
        String pool = PoolNames.of(event.connectionId());
        String sqlStateClass = failed && event.sqlState().length() >= 2 ? event.sqlState().substring(0, 2) : "none";
        Timer.builder("scratchbird.client.statements")
                .description("ScratchBird statement executions")
                .tag("outcome", failed ? "error" : "success")
                .tag("sqlstate.class", sqlStateClass)
                .tag("pool", pool)
                .register(meters)
                .record(event.durationNanos(), TimeUnit.NANOSECONDS);
        count(meters, "scratchbird.client.bytes", "Bytes ScratchBird statements sent and received", "bytes",
                "direction", "sent", pool, event.bytesSent());
        count(meters, "scratchbird.client.bytes", "Bytes ScratchBird statements sent and received", "bytes",
                "direction", "received", pool, event.bytesReceived());
        count(meters, "scratchbird.client.prepared.cache", "Prepared-statement executions by server-side cache result",
                null, "result", "hit", pool, event.cacheHits());
        count(meters, "scratchbird.client.prepared.cache", "Prepared-statement executions by server-side cache result",
                null, "result", "miss", pool, event.cacheMisses());
        if (!failed && event.rows() > 0) {
            Counter.builder("scratchbird.client.rows")
                    .description("Rows returned or updated by ScratchBird statements")
                    .tag("pool", pool)
                    .register(meters)
                    .increment(event.rows());
        }
    }

    private static void count(MeterRegistry meters, String name, String description, String unit, String tag, String value,
                              String pool, long amount) {
        if (amount <= 0) {
            return;
        }
        Counter.builder(name).description(description).baseUnit(unit).tag(tag, value).tag("pool", pool)
                .register(meters).increment(amount);
    }
}
