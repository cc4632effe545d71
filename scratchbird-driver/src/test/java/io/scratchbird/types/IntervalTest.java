package io.scratchbird.types;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntervalTest {

    @Test
    void fromAndToPeriod() {
        Interval i = Interval.of(Period.of(1, 2, 3));
        assertEquals(new Interval(14, 3, 0), i);
        assertEquals(Period.of(1, 2, 3), i.toPeriod());
        assertEquals(Period.of(-1, -1, 5), new Interval(-13, 5, 0).toPeriod());
        assertThrows(IllegalArgumentException.class, () -> Interval.of(Period.ofYears(Integer.MAX_VALUE)));
        assertThrows(ArithmeticException.class, () -> new Interval(1, 0, 1).toPeriod());
    }

    @Test
    void fromAndToDuration() {
        Interval i = Interval.of(Duration.ofHours(4).plusMillis(500));
        assertEquals(new Interval(0, 0, 14_400_500_000L), i);
        assertEquals(Duration.ofHours(4).plusMillis(500), i.toDuration());
        assertEquals(Duration.ofDays(2).minusNanos(1000), new Interval(0, 2, -1).toDuration());
        assertEquals(Duration.ofNanos(-500_000), new Interval(0, 0, -500).toDuration());
        assertThrows(IllegalArgumentException.class, () -> Interval.of(Duration.ofNanos(1)));
        assertThrows(IllegalArgumentException.class, () -> Interval.of(Duration.ofSeconds(Long.MAX_VALUE)));
        assertThrows(ArithmeticException.class, () -> new Interval(1, 0, 0).toDuration());
    }

    @Test
    void toStringIsIso8601() {
        assertEquals("P1Y2M3DT4H5M6.5S", new Interval(14, 3, 14_706_500_000L).toString());
        assertEquals("PT0S", Interval.ZERO.toString());
        assertEquals("P-1M", new Interval(-1, 0, 0).toString());
        assertEquals("PT-0.5S", new Interval(0, 0, -500_000).toString());
        assertEquals("PT-1H-1M-1.000001S", new Interval(0, 0, -3_661_000_001L).toString());
        assertEquals("P-1Y-1M-1D", new Interval(-13, -1, 0).toString());
        assertEquals("PT1M", new Interval(0, 0, 60_000_000).toString());
    }

    @Test
    void equalityIsFieldByField() {
        assertEquals(new Interval(1, 2, 3), new Interval(1, 2, 3));
        assertEquals(new Interval(1, 2, 3).hashCode(), new Interval(1, 2, 3).hashCode());
        assertNotEquals(new Interval(1, 0, 0), new Interval(0, 30, 0));
        assertNotEquals(new Interval(0, 1, 0), new Interval(0, 0, 86_400_000_000L));
    }
}
