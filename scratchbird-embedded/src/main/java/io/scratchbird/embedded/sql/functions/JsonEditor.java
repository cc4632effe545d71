package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copy-on-write edits of a JSON document along a path of member and element steps (no wildcards):
 * the engine behind jsonb_set and MySQL's json_set/json_insert/json_replace/json_remove. A path that
 * does not lead anywhere leaves the document unchanged.
 */
final class JsonEditor {

    private JsonEditor() {
    }

    /**
     * @param add     create the last step when it does not exist
     * @param replace overwrite the last step when it exists
     */
    static Object set(Object root, JsonPath path, Object value, boolean add, boolean replace) {
        List<JsonPath.Step> steps = checked(path);
        return steps.isEmpty() ? (replace ? value : root) : put(root, steps, 0, value, add, replace);
    }

    static Object remove(Object root, JsonPath path) {
        List<JsonPath.Step> steps = checked(path);
        if (steps.isEmpty()) {
            throw new FunctionError("22023", SqlErrors.REJECTED, "the path \"$\" cannot be removed");
        }
        return delete(root, steps, 0);
    }

    private static List<JsonPath.Step> checked(JsonPath path) {
        for (JsonPath.Step step : path.steps()) {
            if (step instanceof JsonPath.AnyMember || step instanceof JsonPath.AnyElement) {
                throw new FunctionError("22023", SqlErrors.REJECTED, "a path that changes a document cannot contain wildcards");
            }
        }
        return path.steps();
    }

    private static Object put(Object node, List<JsonPath.Step> steps, int i, Object value, boolean add, boolean replace) {
        boolean last = i == steps.size() - 1;
        JsonPath.Step step = steps.get(i);
        if (step instanceof JsonPath.Member m && node instanceof Map<?, ?> map) {
            Map<String, Object> copy = copyOf(map);
            boolean exists = copy.containsKey(m.name());
            if (last) {
                if (exists ? replace : add) {
                    copy.put(m.name(), value);
                }
            } else if (exists) {
                copy.put(m.name(), put(copy.get(m.name()), steps, i + 1, value, add, replace));
            }
            return copy;
        }
        if (step instanceof JsonPath.Element e && node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list);
            int index = e.fromEnd() ? list.size() - 1 - e.index() : e.index();
            boolean exists = index >= 0 && index < list.size();
            if (last) {
                if (exists && replace) {
                    copy.set(index, value);
                } else if (!exists && add) {
                    copy.add(index < 0 ? 0 : copy.size(), value);
                }
            } else if (exists) {
                copy.set(index, put(copy.get(index), steps, i + 1, value, add, replace));
            }
            return copy;
        }
        return node;
    }

    private static Object delete(Object node, List<JsonPath.Step> steps, int i) {
        boolean last = i == steps.size() - 1;
        JsonPath.Step step = steps.get(i);
        if (step instanceof JsonPath.Member m && node instanceof Map<?, ?> map && map.containsKey(m.name())) {
            Map<String, Object> copy = copyOf(map);
            if (last) {
                copy.remove(m.name());
            } else {
                copy.put(m.name(), delete(copy.get(m.name()), steps, i + 1));
            }
            return copy;
        }
        if (step instanceof JsonPath.Element e && node instanceof List<?> list) {
            int index = e.fromEnd() ? list.size() - 1 - e.index() : e.index();
            if (index < 0 || index >= list.size()) {
                return node;
            }
            List<Object> copy = new ArrayList<>(list);
            if (last) {
                copy.remove(index);
            } else {
                copy.set(index, delete(copy.get(index), steps, i + 1));
            }
            return copy;
        }
        return node;
    }

    private static Map<String, Object> copyOf(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put((String) k, v));
        return copy;
    }
}
