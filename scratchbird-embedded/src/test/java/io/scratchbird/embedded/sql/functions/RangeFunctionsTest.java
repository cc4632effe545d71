package io.scratchbird.embedded.sql.functions;

import io.scratchbird.types.Range;
import org.h2.value.Value;
import org.h2.value.ValueInteger;
import org.h2.value.ValueVarchar;
import org.h2.value.ValueVarcharIgnoreCase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL's range semantics at the edges: bound inclusivity, discrete canonical forms, empty and unbounded ranges. */
class RangeFunctionsTest {

    /** Range text as a discrete range column or an untyped literal holds it. */
    private static Value discrete(String text) {
        return ValueVarchar.get(text);
    }

    /** Range text as a numrange/tsrange/tstzrange column holds it. */
    private static Value continuous(String text) {
        return ValueVarcharIgnoreCase.get(text);
    }

    @Test
    void containment() {
        assertTrue(RangeFunctions.contains(discrete("[1,10)"), discrete("[1,10)")));
        assertFalse(RangeFunctions.contains(discrete("[1,10)"), discrete("[1,10]")));
        assertTrue(RangeFunctions.contains(discrete("[1,10]"), discrete("[1,11)")));
        assertTrue(RangeFunctions.contains(discrete("(,)"), discrete("[5,6)")));
        assertTrue(RangeFunctions.contains(discrete("[1,5)"), discrete("empty")));
        assertFalse(RangeFunctions.contains(discrete("empty"), discrete("[1,2)")));
        assertFalse(RangeFunctions.contains(continuous("[1,10)"), continuous("[1,10]")));
        assertNull(RangeFunctions.contains(null, discrete("[1,2)")));
    }

    @Test
    void discreteAndContinuousRangesOverlapDifferentlyAtTheirEdges() {
        assertFalse(RangeFunctions.overlaps(discrete("[1,5)"), discrete("[5,8)")));
        assertTrue(RangeFunctions.overlaps(discrete("[1,5]"), discrete("[5,8)")));
        assertFalse(RangeFunctions.overlaps(discrete("[1,5)"), discrete("(4,6)")), "(4,6) is [5,6) over integers");
        assertTrue(RangeFunctions.overlaps(continuous("[1,5)"), continuous("(4,6)")), "but not over numbers");
        assertTrue(RangeFunctions.overlaps(discrete("(,3)"), discrete("[2,)")));
        assertFalse(RangeFunctions.overlaps(discrete("empty"), discrete("(,)")));
    }

    @Test
    void strictlyLeftAndRight() {
        assertTrue(RangeFunctions.strictlyLeft(discrete("[1,5)"), discrete("[5,8)")));
        assertFalse(RangeFunctions.strictlyLeft(discrete("[1,5]"), discrete("[5,8)")));
        assertFalse(RangeFunctions.strictlyLeft(discrete("[1,)"), discrete("[9,10)")));
        assertTrue(RangeFunctions.strictlyRight(continuous("(5,9)"), continuous("[1,5]")));
        assertFalse(RangeFunctions.strictlyRight(continuous("[5,9)"), continuous("[1,5]")));
    }

    @Test
    void elementsBoundsAndTimes() {
        assertTrue(RangeFunctions.containsElement(discrete("[1,5)"), ValueInteger.get(4)));
        assertFalse(RangeFunctions.containsElement(discrete("[1,5)"), ValueInteger.get(5)));
        Value morning = continuous("[2026-01-01 10:00:00+00,2026-01-01 14:00:00+02)");
        assertTrue(RangeFunctions.containsElement(morning, ValueVarchar.get("2026-01-01 11:30:00+01")));
        assertFalse(RangeFunctions.containsElement(morning, ValueVarchar.get("2026-01-01 10:30:00+01")));
        assertEquals("4", RangeFunctions.lower(discrete("(3,7]")));
        assertEquals("8", RangeFunctions.upper(discrete("(3,7]")));
        assertEquals("7", RangeFunctions.upper(continuous("(3,7]")));
        assertEquals("2026-01-02", RangeFunctions.upper(discrete("[2026-01-01,2026-01-01]")));
        assertNull(RangeFunctions.lower(discrete("(,5)")));
        assertFalse(RangeFunctions.upperInclusive(discrete("[1,2]")));
        assertTrue(RangeFunctions.upperInclusive(continuous("[1,2]")));
        assertThrows(FunctionError.class, () -> RangeFunctions.containsElement(discrete("[1,5)"), ValueVarchar.get("2026-01-01")));
        assertThrows(FunctionError.class, () -> RangeFunctions.overlaps(discrete("[5,1)"), discrete("[1,2)")));
    }

    @Test
    void typedRangesAreCanonical() {
        assertEquals(Range.closedOpen(2, 6), Ranges.parse("int4range", "(1,5]"));
        assertEquals(Range.empty(), Ranges.parse("int4range", "[3,3)"));
        assertEquals(Range.closed(BigDecimal.valueOf(3), BigDecimal.valueOf(3)), Ranges.parse("numrange", "[3,3]"));
        assertEquals(Range.empty(), Ranges.parse("numrange", "(3,3]"));
        assertEquals(Range.closedOpen(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)),
                Ranges.parse("daterange", "[2026-01-01,2026-01-01]"));
        assertEquals("[1,6)", RangeFunctions.int4range(1, 5, "[]"));
        assertEquals("[1.5,2)", RangeFunctions.numrange(new BigDecimal("1.5"), new BigDecimal("2"), "[)"));
        assertEquals("empty", RangeFunctions.int8range(4L, 4L));
        assertEquals("(,5)", RangeFunctions.int4range(null, 5));
        FunctionError flags = assertThrows(FunctionError.class, () -> RangeFunctions.int4range(1, 2, "[x"));
        assertEquals("42601", flags.sqlState());
        assertEquals("22P02", assertThrows(FunctionError.class, () -> Ranges.parse("int4range", "[1.5,2)")).sqlState());
    }
}
