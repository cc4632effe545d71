package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;
import org.h2.value.Value;
import org.h2.value.ValueCollectionBase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON functions and operators (SQL-DIALECT.md 7.1). Documents arrive as JSON text (a json/jsonb
 * column, or the JSON value of another JSON function) and functions that produce documents return
 * JSON text, which the translation wraps with {@code FORMAT JSON} so nested calls see a document,
 * not a string.
 */
public final class JsonFunctions {

    private JsonFunctions() {
    }

    /** {@code doc -> key}: the member (text key) or element (integer key, negative from the end) as JSON. */
    public static String get(String doc, Value key) {
        Object item = navigate(doc, key);
        return item == null ? null : JsonText.write(item);
    }

    /** {@code doc ->> key}: like {@link #get}, but a string comes back unquoted and JSON null as SQL NULL. */
    public static String getText(String doc, Value key) {
        return scalarText(navigate(doc, key));
    }

    private static Object navigate(String doc, Value key) {
        if (doc == null || isNull(key)) {
            return null;
        }
        Object node = JsonText.parse(doc);
        if (isInteger(key)) {
            if (!(node instanceof List<?> list)) {
                return null;
            }
            int i = key.getInt();
            int index = i < 0 ? list.size() + i : i;
            return index >= 0 && index < list.size() ? list.get(index) : null;
        }
        return node instanceof Map<?, ?> map ? map.get(key.getString()) : null;
    }

    /** JSON_VALUE: the scalar the path selects, as text; NULL when it selects nothing, a container or several items. */
    public static String value(String doc, String path) {
        Object item = single(doc, path);
        return item instanceof Map || item instanceof List ? null : scalarText(item);
    }

    /** JSON_QUERY: the item the path selects, as JSON; NULL when it selects nothing or several items. */
    public static String query(String doc, String path) {
        Object item = single(doc, path);
        return item == null ? null : JsonText.write(item);
    }

    /** JSON_EXISTS / jsonb_path_exists. */
    public static Boolean exists(String doc, String path) {
        if (doc == null || path == null) {
            return null;
        }
        return !JsonPath.parse(path).select(JsonText.parse(doc)).isEmpty();
    }

    /** MySQL json_extract: one item as is, several as an array, none as NULL. */
    public static String extract(String doc, String path) {
        if (doc == null || path == null) {
            return null;
        }
        List<Object> items = JsonPath.parse(path).select(JsonText.parse(doc));
        return items.isEmpty() ? null : JsonText.write(items.size() == 1 ? items.get(0) : items);
    }

    /** jsonb_path_query_first. */
    public static String pathQueryFirst(String doc, String path) {
        if (doc == null || path == null) {
            return null;
        }
        List<Object> items = JsonPath.parse(path).select(JsonText.parse(doc));
        return items.isEmpty() ? null : JsonText.write(items.get(0));
    }

    /** jsonb_path_query_array. */
    public static String pathQueryArray(String doc, String path) {
        if (doc == null || path == null) {
            return null;
        }
        return JsonText.write(JsonPath.parse(path).select(JsonText.parse(doc)));
    }

    private static Object single(String doc, String path) {
        if (doc == null || path == null) {
            return null;
        }
        List<Object> items = JsonPath.parse(path).select(JsonText.parse(doc));
        return items.size() == 1 ? items.get(0) : null;
    }

    /** json_build_object / jsonb_build_object / json_object: alternating keys and values. */
    public static String buildObject(Value... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new FunctionError("22023", SqlErrors.REJECTED,
                    "argument list must have even number of elements (alternating keys and values)");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (isNull(keysAndValues[i])) {
                throw new FunctionError("22023", SqlErrors.REJECTED, "argument " + (i + 1) + ": key must not be null");
            }
            object.put(keysAndValues[i].getString(), toNode(keysAndValues[i + 1]));
        }
        return JsonText.write(object);
    }

    /** json_build_array / jsonb_build_array. */
    public static String buildArray(Value... items) {
        List<Object> array = new ArrayList<>(items.length);
        for (Value item : items) {
            array.add(toNode(item));
        }
        return JsonText.write(array);
    }

    /** to_json / to_jsonb: any value as a JSON document. */
    public static String toJson(Value value) {
        return isNull(value) ? null : JsonText.write(toNode(value));
    }

    /** json(text): checks the text and returns it as a document. */
    public static String parse(String text) {
        return text == null ? null : JsonText.write(JsonText.parse(text));
    }

    /** Domain check of json and jsonb: the text is one JSON value. */
    public static Boolean check(String text) {
        if (text != null) {
            JsonText.parse(text);
        }
        return Boolean.TRUE;
    }

    public static Integer arrayLength(String doc) {
        if (doc == null) {
            return null;
        }
        if (!(JsonText.parse(doc) instanceof List<?> list)) {
            throw new FunctionError("22023", SqlErrors.REJECTED, "cannot get array length of a non-array");
        }
        return list.size();
    }

    public static String typeOf(String doc) {
        return doc == null ? null : JsonText.typeOf(JsonText.parse(doc));
    }

    public static String stripNulls(String doc) {
        return doc == null ? null : JsonText.write(stripNulls(JsonText.parse(doc)));
    }

    private static Object stripNulls(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != JsonText.NULL) {
                    out.put((String) k, stripNulls(v));
                }
            });
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(stripNulls(v)));
            return out;
        }
        return node;
    }

    public static String pretty(String doc) {
        return doc == null ? null : JsonText.pretty(JsonText.parse(doc));
    }

    /** jsonb_set(doc, path, value [, create_missing]) with a PostgreSQL text-array path. */
    public static String jsonbSet(String doc, Value path, String newValue) {
        return jsonbSet(doc, path, newValue, Boolean.TRUE);
    }

    public static String jsonbSet(String doc, Value path, String newValue, Boolean createMissing) {
        if (doc == null || isNull(path) || newValue == null) {
            return null;
        }
        Object root = JsonText.parse(doc);
        return JsonText.write(JsonEditor.set(root, JsonPath.ofKeys(textArray(path)), JsonText.parse(newValue),
                createMissing == null || createMissing, true));
    }

    /** MySQL json_set: replace or add. */
    public static String set(String doc, String path, Value value) {
        return edit(doc, path, value, true, true);
    }

    /** MySQL json_insert: add only. */
    public static String insert(String doc, String path, Value value) {
        return edit(doc, path, value, true, false);
    }

    /** MySQL json_replace: replace only. */
    public static String replace(String doc, String path, Value value) {
        return edit(doc, path, value, false, true);
    }

    /** MySQL json_remove. */
    public static String remove(String doc, String path) {
        if (doc == null || path == null) {
            return null;
        }
        return JsonText.write(JsonEditor.remove(JsonText.parse(doc), JsonPath.parse(path)));
    }

    private static String edit(String doc, String path, Value value, boolean add, boolean replace) {
        if (doc == null || path == null) {
            return null;
        }
        Object root = JsonText.parse(doc);
        return JsonText.write(JsonEditor.set(root, JsonPath.parse(path), toNode(value), add, replace));
    }

    /** The members of a PostgreSQL text-array path: an array value, or text such as {@code {a,b,0}}. */
    private static List<String> textArray(Value path) {
        List<String> keys = new ArrayList<>();
        if (path instanceof ValueCollectionBase array) {
            for (Value v : array.getList()) {
                keys.add(v.getString());
            }
            return keys;
        }
        String text = path.getString().strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new FunctionError("22P02", SqlErrors.REJECTED, "malformed array literal: \"" + text + "\"");
        }
        String body = text.substring(1, text.length() - 1).strip();
        if (!body.isEmpty()) {
            for (String part : body.split(",")) {
                String key = part.strip();
                keys.add(key.startsWith("\"") && key.endsWith("\"") && key.length() > 1 ? key.substring(1, key.length() - 1) : key);
            }
        }
        return keys;
    }

    /** The text of a scalar (strings unquoted), or the JSON of a container; JSON null is SQL NULL. */
    static String scalarText(Object item) {
        if (item == null || item == JsonText.NULL) {
            return null;
        }
        if (item instanceof String s) {
            return s;
        }
        return item instanceof JsonText.JsonNumber n ? n.text() : JsonText.write(item);
    }

    /** An SQL value as a JSON node: documents nest, numbers and booleans keep their kind, the rest is text. */
    static Object toNode(Value v) {
        if (isNull(v)) {
            return JsonText.NULL;
        }
        switch (v.getValueType()) {
            case Value.JSON:
                return JsonText.parse(v.getString());
            case Value.BOOLEAN:
                return v.getBoolean();
            case Value.TINYINT, Value.SMALLINT, Value.INTEGER, Value.BIGINT, Value.NUMERIC, Value.DECFLOAT:
                return new JsonText.JsonNumber(v.getBigDecimal().toString());
            case Value.REAL, Value.DOUBLE:
                double d = v.getDouble();
                return Double.isFinite(d) ? new JsonText.JsonNumber(v.getString()) : v.getString();
            case Value.ARRAY:
                List<Object> list = new ArrayList<>();
                for (Value element : ((ValueCollectionBase) v).getList()) {
                    list.add(toNode(element));
                }
                return list;
            default:
                return v.getString();
        }
    }

    /** An aggregate input (a Java object from storage) as a JSON node. */
    static Object toNode(Object o) {
        if (o == null) {
            return JsonText.NULL;
        }
        if (o instanceof Boolean || o instanceof String) {
            return o;
        }
        if (o instanceof Number n) {
            return new JsonText.JsonNumber(n.toString());
        }
        if (o instanceof byte[] bytes) {
            // A JSON value reaches an aggregate as its UTF-8 bytes.
            return JsonText.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return o.toString();
    }

    static boolean isNull(Value v) {
        return v == null || v.getValueType() == Value.NULL;
    }

    private static boolean isInteger(Value v) {
        int t = v.getValueType();
        return t == Value.TINYINT || t == Value.SMALLINT || t == Value.INTEGER || t == Value.BIGINT;
    }
}
