package io.scratchbird.embedded.sql.functions;

import io.scratchbird.embedded.sql.SqlErrors;
import org.h2.api.Aggregate;
import org.h2.value.Value;

import java.util.LinkedHashMap;
import java.util.Map;

/** json_object_agg / jsonb_object_agg(key, value): the group's pairs as a JSON object. */
public final class JsonObjectAggregate implements Aggregate {

    private final Map<String, Object> members = new LinkedHashMap<>();
    private boolean any;

    @Override
    public int getInternalType(int[] inputTypes) {
        return Value.VARCHAR;
    }

    @Override
    public void add(Object pair) {
        Object[] kv = (Object[]) pair;
        if (kv[0] == null) {
            throw new FunctionError("22023", SqlErrors.REJECTED, "field name must not be null");
        }
        any = true;
        members.put(kv[0].toString(), JsonFunctions.toNode(kv[1]));
    }

    @Override
    public Object getResult() {
        return any ? JsonText.write(members) : null;
    }
}
