package io.scratchbird.types;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonDocumentTest {

    @Test
    void keepsTextVerbatim() {
        String text = " {\"b\" : 1.50, \"a\":[true , null]}\n";
        assertEquals(text, Json.of(text).text());
        assertEquals(text, Jsonb.of(text).toString());
    }

    @Test
    void equalityIsTextWithinTheSameType() {
        assertEquals(Jsonb.of("{\"a\":1}"), Jsonb.of("{\"a\":1}"));
        assertEquals(Jsonb.of("[1]").hashCode(), Jsonb.of("[1]").hashCode());
        assertNotEquals(Jsonb.of("{\"a\":1}"), Jsonb.of("{\"a\": 1}"));
        assertNotEquals(Json.of("1"), Jsonb.of("1"));
    }

    @Test
    void acceptsEveryJsonValueKind() {
        for (String ok : new String[] {"0", "-0", "-0.5e-7", "1E+2", "\"\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"",
                "true", "false", "null", "[]", "{}", "[[],{}]", "{\"\":{\"\":[]}}", " \t\r\n[ 1 , 2 ] ", "\"😀 é\""}) {
            assertEquals(ok, Json.of(ok).text());
        }
    }

    @Test
    void rejectsInvalidSyntaxWithOffsets() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Json.of("{\"a\":01}"));
        assertEquals(6, e.offset());
        assertEquals(0, assertThrows(JsonSyntaxException.class, () -> Json.of("\"abc")).offset());
        assertEquals(1, assertThrows(JsonSyntaxException.class, () -> Jsonb.of("[")).offset());
        assertThrows(JsonSyntaxException.class, () -> Json.of("\u00a0[]"));
        assertThrows(JsonSyntaxException.class, () -> Json.of("[1,2,]"));
        assertThrows(JsonSyntaxException.class, () -> Json.of("\"tab\there\""));
        assertThrows(NullPointerException.class, () -> Json.of(null));
    }

    @Test
    void depthIsBoundedWithoutRecursion() {
        String ok = "{\"a\":".repeat(999) + "[]" + "}".repeat(999);
        assertEquals(ok, Jsonb.of(ok).text());
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Jsonb.of("[".repeat(10_000_000)));
        assertEquals(JsonScanner.MAX_DEPTH, e.offset());
    }
}
