package io.scratchbird.embedded.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache of translations by statement text: applications execute the
 * same SQL many times. An entry is only valid for the schema generation it was made under, because
 * qualified names are resolved against the schemas that exist.
 */
final class TranslationCache {

    private record Entry(TranslatedStatement statement, long generation) {
    }

    private final Map<String, Entry> entries;

    TranslationCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized TranslatedStatement get(String sql, long generation) {
        Entry e = entries.get(sql);
        return e != null && e.generation() == generation ? e.statement() : null;
    }

    synchronized void put(String sql, long generation, TranslatedStatement statement) {
        entries.put(sql, new Entry(statement, generation));
    }

    synchronized int size() {
        return entries.size();
    }
}
