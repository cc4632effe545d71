package io.scratchbird.embedded.session;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Named prepared statements or portals of one session, with the limits of spec 8.8: 256 names
 * and 4 MiB in total; the least recently stored entries are evicted silently, and a single entry
 * over 4 MiB is refused by the caller. Re-storing a name replaces the entry and makes it the most
 * recent (errata C.12: our reading).
 */
final class BoundedStore<V> {

    static final int MAX_ENTRIES = 256;
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private record Entry<V>(V value, long size) {
    }

    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>();
    private final Consumer<V> onEvict;
    private long bytes;

    BoundedStore(Consumer<V> onEvict) {
        this.onEvict = onEvict;
    }

    void put(String name, V value, long size) {
        Entry<V> old = entries.remove(name);
        if (old != null) {
            bytes -= old.size();
            onEvict.accept(old.value());
        }
        entries.put(name, new Entry<>(value, size));
        bytes += size;
        Iterator<Map.Entry<String, Entry<V>>> it = entries.entrySet().iterator();
        while ((entries.size() > MAX_ENTRIES || bytes > MAX_BYTES) && it.hasNext()) {
            Map.Entry<String, Entry<V>> eldest = it.next();
            if (eldest.getKey().equals(name)) {
                continue;
            }
            it.remove();
            bytes -= eldest.getValue().size();
            onEvict.accept(eldest.getValue().value());
        }
    }

    V get(String name) {
        Entry<V> e = entries.get(name);
        return e == null ? null : e.value();
    }

    void remove(String name) {
        Entry<V> e = entries.remove(name);
        if (e != null) {
            bytes -= e.size();
            onEvict.accept(e.value());
        }
    }

    void clear() {
        entries.values().forEach(e -> onEvict.accept(e.value()));
        entries.clear();
        bytes = 0;
    }

    java.util.List<V> values() {
        java.util.List<V> out = new java.util.ArrayList<>(entries.size());
        entries.values().forEach(e -> out.add(e.value()));
        return out;
    }

    int size() {
        return entries.size();
    }
}
