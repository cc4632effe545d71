package io.scratchbird.embedded.session;

import java.util.List;

/**
 * A statement stored by PARSE: its SQL text and the parameter OIDs the client declared (or, when
 * it declared none, as many OID-0 parameters as the text has markers).
 */
record PreparedStatement(String name, String sql, List<Integer> paramOids) {

    long storedSize() {
        return (long) name.length() + sql.length() * 2L + paramOids.size() * 4L;
    }

    int oid(int index) {
        return index < paramOids.size() ? paramOids.get(index) : 0;
    }
}
