package io.scratchbird.embedded.sql.functions;

import org.h2.api.Aggregate;
import org.h2.value.Value;

import java.util.ArrayList;
import java.util.List;

/** json_agg / jsonb_agg: the group's values as a JSON array (SQL NULL for an empty group). */
public final class JsonAggregate implements Aggregate {

    private final List<Object> items = new ArrayList<>();
    private boolean any;

    @Override
    public int getInternalType(int[] inputTypes) {
        return Value.VARCHAR;
    }

    @Override
    public void add(Object value) {
        any = true;
        items.add(JsonFunctions.toNode(value));
    }

    @Override
    public Object getResult() {
        return any ? JsonText.write(items) : null;
    }
}
