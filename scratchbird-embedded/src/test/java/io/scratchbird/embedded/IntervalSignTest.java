package io.scratchbird.embedded;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.types.Interval;
import io.scratchbird.wire.codec.Codecs;
import io.scratchbird.wire.message.DataRow;
import io.scratchbird.wire.message.ServerMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Negative intervals keep their sign on the way out of storage (regression: H2's typed getter drops it). */
class IntervalSignTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.inMemory();

    private static Interval first(List<ServerMessage> got) {
        DataRow row = (DataRow) got.stream().filter(DataRow.class::isInstance).findFirst().orElseThrow();
        return Codecs.INTERVAL.decodeText(new String(row.value(0), StandardCharsets.UTF_8));
    }

    @Test
    void negativeIntervalsStayNegative() throws Exception {
        try (SbwpTestClient c = SbwpTestClient.connect(db.server())) {
            assertEquals(new Interval(0, -1, 0), first(c.query("select interval '-P1D'")));
            assertEquals(new Interval(0, 0, -3_600_000_000L), first(c.query("select interval '-PT1H'")));
            c.query("create table iv (d interval day to second)");
            c.query("insert into iv values (interval '-P2DT3H')");
            assertEquals(new Interval(0, -2, -3 * 3_600_000_000L), first(c.query("select d from iv")));
        }
    }
}
