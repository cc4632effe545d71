package io.scratchbird.types;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RangeTest {

    @Test
    void factoriesSetBoundsAndInclusivity() {
        Range<Integer> r = Range.closedOpen(1, 5);
        assertEquals(1, r.lower());
        assertEquals(5, r.upper());
        assertTrue(r.isLowerInclusive());
        assertFalse(r.isUpperInclusive());
        assertTrue(r.hasLowerBound() && r.hasUpperBound());
        assertFalse(r.isEmpty());
        assertEquals("[1,5]", Range.closed(1, 5).toString());
        assertEquals("(1,5)", Range.open(1, 5).toString());
        assertEquals("(1,5]", Range.openClosed(1, 5).toString());
        assertEquals("[1,)", Range.atLeast(1).toString());
        assertEquals("(1,)", Range.greaterThan(1).toString());
        assertEquals("(,5]", Range.atMost(5).toString());
        assertEquals("(,5)", Range.lessThan(5).toString());
        assertEquals("(,)", Range.all().toString());
        assertEquals("empty", Range.empty().toString());
    }

    @Test
    void anUnboundedSideIsAlwaysExclusive() {
        Range<Integer> r = Range.of(null, 5, true, true);
        assertFalse(r.hasLowerBound());
        assertFalse(r.isLowerInclusive());
        assertEquals(Range.atMost(5), r);
        assertEquals("(,5]", r.toString());
    }

    @Test
    void emptyHasNoBounds() {
        Range<Integer> e = Range.empty();
        assertTrue(e.isEmpty());
        assertNull(e.lower());
        assertNull(e.upper());
        assertFalse(e.hasLowerBound() || e.isLowerInclusive() || e.isUpperInclusive());
        assertFalse(e.contains(0));
        assertSame(Range.<Integer>empty(), Range.<LocalDate>empty());
        assertNotEquals(Range.all(), e);
    }

    @Test
    void rejectsLowerAboveUpper() {
        assertThrows(IllegalArgumentException.class, () -> Range.closed(5, 1));
        assertThrows(IllegalArgumentException.class, () -> Range.of(LocalDate.MAX, LocalDate.MIN, false, false));
        assertThrows(NullPointerException.class, () -> Range.closed(null, 1));
        assertEquals(Range.closedOpen(5, 5), Range.of(5, 5, true, false)); // kept, not turned into empty
    }

    @Test
    void containsRespectsInclusivity() {
        Range<Integer> r = Range.closedOpen(1, 5);
        assertTrue(r.contains(1));
        assertTrue(r.contains(4));
        assertFalse(r.contains(5));
        assertFalse(r.contains(0));
        assertFalse(Range.open(1, 5).contains(1));
        assertTrue(Range.closed(1, 5).contains(5));
        assertTrue(Range.<Integer>all().contains(Integer.MIN_VALUE));
        assertTrue(Range.atLeast(3).contains(Integer.MAX_VALUE));
        assertFalse(Range.lessThan(3).contains(3));
        assertFalse(Range.closedOpen(5, 5).contains(5));
        assertTrue(Range.closed(new BigDecimal("1.0"), new BigDecimal("2")).contains(new BigDecimal("1.00")));
    }

    @Test
    void equalsAndHashCodeCompareBoundsAndFlags() {
        assertEquals(Range.closedOpen(1, 5), Range.of(1, 5, true, false));
        assertEquals(Range.closedOpen(1, 5).hashCode(), Range.of(1, 5, true, false).hashCode());
        assertNotEquals(Range.closedOpen(1, 5), Range.closed(1, 5));
        assertNotEquals(Range.closed(1, 5), Range.closed(1, 6));
        assertNotEquals(Range.closed(1L, 5L), Range.closed(1, 5));
        assertNotEquals(Range.closed(new BigDecimal("1.0"), new BigDecimal("2")), Range.closed(new BigDecimal("1.00"), new BigDecimal("2")));
        assertNotEquals(Range.closed(1, 5), null);
    }

    @Test
    void formatQuotesBoundsThatNeedIt() {
        assertEquals("[\"\",\"a b\")", Range.closedOpen("", "a b").toString());
        assertEquals("[\"q\\\"\\\\\",\"x,y\"]", Range.closed("q\"\\", "x,y").toString());
        assertEquals("[\"(\",\"]\"]", Range.closed("(", "]").toString());
        assertEquals("[<1>,<5>)", Range.closedOpen(1, 5).format(v -> "<" + v + ">"));
    }
}
