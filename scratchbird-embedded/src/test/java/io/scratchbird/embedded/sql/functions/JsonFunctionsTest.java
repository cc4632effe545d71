package io.scratchbird.embedded.sql.functions;

import org.h2.value.ValueInteger;
import org.h2.value.ValueJson;
import org.h2.value.ValueNull;
import org.h2.value.ValueVarchar;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON model, paths and editors. */
class JsonFunctionsTest {

    private static final String DOC = "{\"a\":{\"b\":[10,20,{\"c\":\"x\"}]},\"n\":1.0,\"s\":\"t\\u00e9\\n\",\"z\":null}";

    @Test
    void documentsParseAndWriteCompactKeepingNumberSpelling() {
        assertEquals(DOC.replace("\\u00e9", "é"), JsonFunctions.parse(DOC));
        assertEquals("[1e5,-0.5,true,false,null]", JsonFunctions.parse(" [ 1e5 , -0.5, true, false, null ] "));
        assertEquals("{\n    \"k\": [\n        1\n    ]\n}", JsonFunctions.pretty("{\"k\":[1]}"));
        for (String bad : new String[] {"{", "[1,]", "01", "{\"a\" 1}", "\"unterminated", "tru", "[1] x", "\"\\q\""}) {
            FunctionError e = assertThrows(FunctionError.class, () -> JsonFunctions.parse(bad), bad);
            assertEquals("22P02", e.sqlState());
        }
        assertThrows(FunctionError.class, () -> JsonFunctions.parse("[".repeat(600) + "]".repeat(600)));
    }

    @Test
    void operatorsSelectMembersAndElements() {
        assertEquals("{\"b\":[10,20,{\"c\":\"x\"}]}", JsonFunctions.get(DOC, ValueVarchar.get("a")));
        assertEquals("1.0", JsonFunctions.getText(DOC, ValueVarchar.get("n")));
        assertEquals("té\n", JsonFunctions.getText(DOC, ValueVarchar.get("s")));
        assertNull(JsonFunctions.getText(DOC, ValueVarchar.get("z")));
        assertEquals("null", JsonFunctions.get(DOC, ValueVarchar.get("z")));
        assertEquals("20", JsonFunctions.get("[10,20]", ValueInteger.get(-1)));
        assertNull(JsonFunctions.get("[10,20]", ValueInteger.get(2)));
        assertNull(JsonFunctions.get("{\"a\":1}", ValueInteger.get(0)));
        assertNull(JsonFunctions.get(DOC, ValueNull.INSTANCE));
    }

    @Test
    void pathsInLaxMode() {
        assertEquals("x", JsonFunctions.value(DOC, "$.a.b[2].c"));
        assertEquals("x", JsonFunctions.value(DOC, "lax $.a.b.c"), "lax mode unwraps arrays");
        assertEquals("20", JsonFunctions.value(DOC, "$.a.b[last - 1]"));
        assertNull(JsonFunctions.value(DOC, "$.a"), "JSON_VALUE of a container is NULL");
        assertEquals("[10,20,{\"c\":\"x\"}]", JsonFunctions.query(DOC, "$.a.b"));
        assertNull(JsonFunctions.query(DOC, "$.a.b[*]"), "several items are NULL without a wrapper");
        assertEquals("[10,20,{\"c\":\"x\"}]", JsonFunctions.pathQueryArray(DOC, "$.a.b[*]"));
        assertEquals("10", JsonFunctions.pathQueryFirst(DOC, "$.a.b[*]"));
        assertTrue(JsonFunctions.exists(DOC, "$.\"a\".b"));
        assertFalse(JsonFunctions.exists(DOC, "$.missing"));
        assertEquals("[1,[2]]", JsonFunctions.extract("{\"a\":1,\"b\":[2]}", "$.*"));
        assertEquals("1", JsonFunctions.extract("{\"a\":1,\"b\":[2]}", "$.a"));
        assertEquals("0A000", assertThrows(FunctionError.class, () -> JsonFunctions.value(DOC, "strict $.a")).sqlState());
        assertEquals("0A000", assertThrows(FunctionError.class, () -> JsonFunctions.value(DOC, "$.a ? (@.b > 1)")).sqlState());
        assertEquals("42601", assertThrows(FunctionError.class, () -> JsonFunctions.value(DOC, "a.b")).sqlState());
    }

    @Test
    void buildersNestDocumentsAndEditorsCopy() {
        assertEquals("{\"k\":{\"x\":1},\"t\":\"{\\\"x\\\":1}\",\"n\":null,\"i\":3}", JsonFunctions.buildObject(
                ValueVarchar.get("k"), ValueJson.fromJson("{\"x\":1}"), ValueVarchar.get("t"), ValueVarchar.get("{\"x\":1}"),
                ValueVarchar.get("n"), ValueNull.INSTANCE, ValueVarchar.get("i"), ValueInteger.get(3)));
        assertEquals("22023", assertThrows(FunctionError.class, () -> JsonFunctions.buildObject(ValueVarchar.get("k"))).sqlState());
        assertEquals("{\"a\":[1,9]}", JsonFunctions.jsonbSet("{\"a\":[1,2]}", ValueVarchar.get("{a,-1}"), "9"));
        assertEquals("{\"a\":1,\"b\":2}", JsonFunctions.jsonbSet("{\"a\":1}", ValueVarchar.get("{b}"), "2"));
        assertEquals("{\"a\":1}", JsonFunctions.jsonbSet("{\"a\":1}", ValueVarchar.get("{b}"), "2", false));
        assertEquals("{\"a\":1}", JsonFunctions.insert("{\"a\":1}", "$.a", ValueInteger.get(5)));
        assertEquals("{\"a\":5}", JsonFunctions.replace("{\"a\":1}", "$.a", ValueInteger.get(5)));
        assertEquals("{\"a\":1}", JsonFunctions.replace("{\"a\":1}", "$.b", ValueInteger.get(5)));
        assertEquals("[1,3]", JsonFunctions.remove("[1,2,3]", "$[1]"));
        assertEquals("{\"a\":[{}]}", JsonFunctions.stripNulls("{\"a\":[{\"b\":null}],\"c\":null}"));
        assertEquals("22023", assertThrows(FunctionError.class, () -> JsonFunctions.remove("{}", "$.*")).sqlState());
        assertEquals("22023", assertThrows(FunctionError.class, () -> JsonFunctions.arrayLength("{}")).sqlState());
    }
}
