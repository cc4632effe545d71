package io.scratchbird.embedded.storage;

import io.scratchbird.embedded.sql.EngineSession;
import io.scratchbird.wire.codec.TypeOids;

import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link DurabilityTest} kills: commits pairs of rows forever, printing {@code ACK n}
 * once pair n is committed, while another session keeps an uncommitted row open.
 */
public final class DurabilityChild {

    /** An id the child inserts and never commits. */
    static final int UNCOMMITTED_ID = 1_000_000;

    private DurabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        H2SqlEngine engine = H2SqlEngine.open(Path.of(args[0]));
        EngineSession writer = engine.openSession("child", "durability");
        writer.execute("CREATE TABLE IF NOT EXISTS acked (id INTEGER PRIMARY KEY, pair INTEGER)", List.of());
        EngineSession pending = engine.openSession("child", "pending");
        pending.begin();
        pending.execute("INSERT INTO acked VALUES (" + UNCOMMITTED_ID + ", 0)", List.of());
        System.out.println("PENDING");
        for (int i = 1; ; i++) {
            if (i % 2 == 0) {
                writer.execute("INSERT INTO acked VALUES (?, ?), (?, ?)", List.of(new EngineSession.Parameter(TypeOids.INT4, i),
                        new EngineSession.Parameter(TypeOids.INT4, i), new EngineSession.Parameter(TypeOids.INT4, -i),
                        new EngineSession.Parameter(TypeOids.INT4, i)));
            } else {
                writer.begin();
                writer.execute("INSERT INTO acked VALUES (" + i + ", " + i + ")", List.of());
                writer.execute("INSERT INTO acked VALUES (" + -i + ", " + i + ")", List.of());
                writer.commit();
            }
            System.out.println("ACK " + i);
            System.out.flush();
        }
    }
}
