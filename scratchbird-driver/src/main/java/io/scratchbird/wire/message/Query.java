package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * QUERY (0x03), spec 7.1: {@code u32 query_flags}, {@code u32 max_rows}, {@code u32 timeout_ms},
 * SQL text, one NUL, and an optional 24-byte script metadata trailer. Decoding follows the
 * server's lenient rules: a payload shorter than 12 bytes is empty SQL; the SQL ends at the first
 * NUL or at the end of the payload; bytes after the NUL count only if they form a valid trailer.
 */
public record Query(int flags, int maxRows, int timeoutMs, String sql, ScriptTrailer trailer) implements ClientMessage {

    public static final int DESCRIBE_ONLY = 0x001;
    public static final int NO_PORTAL = 0x002;
    public static final int BINARY_RESULT = 0x004;
    public static final int INCLUDE_PLAN = 0x008;
    public static final int RETURN_SBLR = 0x010;
    public static final int NO_CACHE = 0x020;
    /** Autocommit this statement (errata A.1: honoured as an explicit per-statement request). */
    public static final int AUTOCOMMIT = 0x040;
    public static final int SCRIPT_INGEST = 0x080;
    public static final int SCRIPT_SIZE_HINT = 0x100;
    public static final int SCRIPT_SUMMARY_RESULT = 0x200;

    public Query {
        Objects.requireNonNull(sql, "sql");
    }

    public static Query of(String sql) {
        return new Query(0, 0, 0, sql, null);
    }

    public static Query of(int flags, String sql) {
        return new Query(flags, 0, 0, sql, null);
    }

    @Override
    public MessageType type() {
        return MessageType.QUERY;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.i32(flags).i32(maxRows).i32(timeoutMs).cstr(sql);
        if (trailer != null) {
            trailer.writeTo(out);
        }
    }

    public static Query decode(PayloadReader r) {
        if (r.remaining() < 12) {
            return of("");
        }
        int flags = r.i32("query_flags");
        int maxRows = r.i32("max_rows");
        int timeout = r.i32("timeout_ms");
        int nul = r.indexOfZero();
        int sqlEnd = nul < 0 ? r.position() + r.remaining() : nul;
        String sql = new String(r.array(), r.position(), sqlEnd - r.position(), StandardCharsets.UTF_8);
        ScriptTrailer trailer = null;
        if (nul >= 0) {
            r.skip(nul - r.position() + 1, "sql");
            trailer = ScriptTrailer.tryDecode(r);
        }
        return new Query(flags, maxRows, timeout, sql, trailer);
    }

    /** Script metadata trailer: magic {@code SBQS}, version 1, flags, size, statement count, block hint. */
    public record ScriptTrailer(int scriptFlags, long declaredSize, int expectedStatements, int blockSizeHint) {

        public static final int MAGIC = 0x53514253;
        public static final int SIZE = 24;

        void writeTo(PayloadWriter out) {
            out.i32(MAGIC).u16(1).u16(scriptFlags).i64(declaredSize).i32(expectedStatements).i32(blockSizeHint);
        }

        /** @return the trailer when at least 24 bytes with the right magic and version follow, else null */
        static ScriptTrailer tryDecode(PayloadReader r) {
            if (r.remaining() < SIZE) {
                return null;
            }
            int at = r.position();
            byte[] b = r.array();
            PayloadReader t = new PayloadReader(b, at, SIZE, r.offset());
            if (t.i32("magic") != MAGIC || t.u16("version") != 1) {
                return null;
            }
            return new ScriptTrailer(t.u16("script_flags"), t.i64("declared_size"), t.i32("expected_statements"),
                    t.i32("block_size_hint"));
        }
    }
}
