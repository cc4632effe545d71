package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * ERROR (0x48) and NOTICE (0x49), spec 7.5: fields of {@code u8 code} + {@code cstr value},
 * ended by a zero code. Unknown codes are kept (and skipped by readers that do not know them).
 */
public record ErrorResponse(boolean notice, List<Field> fields) implements ServerMessage {

    public static final int SEVERITY = 'S';
    public static final int SQLSTATE = 'C';
    public static final int MESSAGE = 'M';
    public static final int DETAIL = 'D';
    public static final int HINT = 'H';
    /** Our extension: 1-based character position of a syntax error (PostgreSQL's 'P'). */
    public static final int POSITION = 'P';

    public ErrorResponse {
        fields = List.copyOf(fields);
    }

    /** An ERROR the way the server writes it: S, C, M, D in order, empty fields omitted. */
    public static ErrorResponse of(String sqlState, String message, String detail) {
        List<Field> f = new ArrayList<>(4);
        f.add(new Field(SEVERITY, "ERROR"));
        f.add(new Field(SQLSTATE, sqlState));
        if (message != null && !message.isEmpty()) {
            f.add(new Field(MESSAGE, message));
        }
        if (detail != null && !detail.isEmpty()) {
            f.add(new Field(DETAIL, detail));
        }
        return new ErrorResponse(false, f);
    }

    /** The first field with this code, or {@code null}. */
    public String field(int code) {
        for (Field f : fields) {
            if (f.code() == code) {
                return f.value();
            }
        }
        return null;
    }

    public String severity() {
        return field(SEVERITY);
    }

    /** The SQLSTATE; {@code 42000} when the field is absent (spec 13.1 item 22). */
    public String sqlState() {
        String c = field(SQLSTATE);
        return c == null || c.isEmpty() ? "42000" : c;
    }

    public String message() {
        return field(MESSAGE);
    }

    public String detail() {
        return field(DETAIL);
    }

    public String hint() {
        return field(HINT);
    }

    @Override
    public MessageType type() {
        return notice ? MessageType.NOTICE : MessageType.ERROR;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        for (Field f : fields) {
            out.u8(f.code()).cstr(f.value());
        }
        out.u8(0);
    }

    public static ErrorResponse decode(boolean notice, PayloadReader r) {
        List<Field> fields = new ArrayList<>();
        while (true) {
            int code = r.u8("field[" + fields.size() + "].code");
            if (code == 0) {
                break;
            }
            fields.add(new Field(code, r.cstr("field[" + fields.size() + "].value")));
        }
        r.expectEnd(notice ? "NOTICE" : "ERROR");
        return new ErrorResponse(notice, fields);
    }

    /** One field; {@code code} is never 0 (that byte ends the list). */
    public record Field(int code, String value) {
        public Field {
            if (code <= 0 || code > 255) {
                throw new IllegalArgumentException("field code must be 1-255: " + code);
            }
            Objects.requireNonNull(value, "value");
        }
    }
}
