package io.scratchbird.embedded.storage;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Storage row trigger of an HNSW index ({@link VectorIndexes}): after every INSERT and UPDATE, in
 * the writing transaction, the new row's key and vector go to the index's log. The write may still
 * roll back; searches re-check every candidate through the searching session's own connection.
 * For the same reason a DELETE removes nothing; it is counted, and when most of the log is dead the
 * index is compacted (rebuilt from the table, {@link VectorIndexes}).
 */
public final class HnswTrigger implements Trigger {

    private Object database;
    private String schema;
    private String name;
    private volatile HnswIndex index;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        this.database = VectorIndexes.database(conn);
        this.schema = schemaName;
        this.name = triggerName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        HnswIndex target = index;
        if (target == null || target.isClosed()) {
            VectorIndexes indexes = VectorIndexes.forDatabase(database);
            target = indexes == null ? null : indexes.byTrigger(schema, name);
            index = target;
            if (target == null) {
                return; // no index: it is registered before its trigger is created, so this one was dropped
            }
        }
        if (newRow == null) {
            target.deleted(); // the entries stay (the delete may roll back); they count towards a compaction
        } else {
            target.appendRow(oldRow, newRow);
        }
    }
}
