package io.scratchbird.embedded.session;

import io.scratchbird.wire.message.ErrorResponse;

/**
 * A request the session answers with an ERROR frame, carrying the exact SQLSTATE, message (M)
 * and detail (D) texts of the spec, and what happens next: nothing (the connection is closed),
 * or a READY with the given reason.
 */
final class ProtocolFailure extends Exception {

    /** No READY follows: the connection closes (spec 3.6 "fatal"). */
    static final int CLOSE = -1;
    /** No READY follows, but the connection stays open (extended-protocol errors). */
    static final int NO_READY = 0;

    private final String sqlState;
    private final String detail;
    private final int readyReason;

    ProtocolFailure(String sqlState, String message, String detail, int readyReason) {
        super(message);
        this.sqlState = sqlState;
        this.detail = detail;
        this.readyReason = readyReason;
    }

    static ProtocolFailure fatal(String sqlState, String message, String detail) {
        return new ProtocolFailure(sqlState, message, detail, CLOSE);
    }

    ErrorResponse toError() {
        return ErrorResponse.of(sqlState, getMessage(), detail);
    }

    boolean closesConnection() {
        return readyReason == CLOSE;
    }

    /** READY reason to send after the ERROR, or {@link #NO_READY} / {@link #CLOSE}. */
    int readyReason() {
        return readyReason;
    }
}
