package io.scratchbird.jdbc.session;

import io.scratchbird.wire.message.DataRow;

import java.util.ArrayList;
import java.util.List;

/**
 * One result of a request: either a result set (columns and rows — all of them, or the first
 * page of a suspended portal) or an update count, with the server's command tag.
 */
public final class ResultGroup {

    private List<ColumnInfo> columns;
    private final List<DataRow> rows = new ArrayList<>();
    private String tag = "";
    private long count;
    private boolean suspended;
    private String portal;

    /** A complete result set the driver computed itself (e.g. DatabaseMetaData), not read from the wire. */
    public static ResultGroup computed(List<ColumnInfo> columns, List<DataRow> rows) {
        ResultGroup g = new ResultGroup();
        g.columns(List.copyOf(columns));
        g.rows.addAll(rows);
        g.complete("SELECT " + rows.size(), rows.size());
        return g;
    }

    /** Null when the statement produced no result set. */
    public List<ColumnInfo> columns() {
        return columns;
    }

    void columns(List<ColumnInfo> c) {
        this.columns = c;
    }

    public List<DataRow> rows() {
        return rows;
    }

    public String tag() {
        return tag;
    }

    void complete(String tag, long count) {
        this.tag = tag;
        this.count = count;
    }

    /** Rows affected or returned, from COMMAND_COMPLETE (never parsed from the tag, spec 7.4). */
    public long count() {
        return count;
    }

    /**
     * Whether this is a result set. A zero-row SELECT from the upstream server has no
     * ROW_DESCRIPTION (spec H-7); its {@code SELECT} tag still makes it an (empty) result set.
     */
    public boolean isResultSet() {
        return columns != null || tag.equals("SELECT") || tag.startsWith("SELECT ");
    }

    /** True when the portal stopped at max_rows and more rows can be fetched. */
    public boolean suspended() {
        return suspended;
    }

    void suspended(String portalName) {
        this.suspended = true;
        this.portal = portalName;
    }

    public String portal() {
        return portal;
    }
}
