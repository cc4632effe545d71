package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.UUID;

/**
 * CANCELLED (0x66), spec 9.4: the cancel id and five {@code lpstr} fields describing the outcome.
 */
public record Cancelled(UUID cancelId, String outcomeClass, String sqlState, String diagnosticCode,
                        String transactionEffect, String retryability) implements ServerMessage {

    /** The outcome when a running statement was cancelled. */
    public static Cancelled statementCancelled(UUID id) {
        return new Cancelled(id, "user_statement_cancelled", "57014", "EXECUTION.QUERY_CANCELLED",
                "statement_aborted_transaction_state_reported_by_engine", "application_decision");
    }

    /** The outcome when nothing was running. */
    public static Cancelled targetNotFound(UUID id) {
        return new Cancelled(id, "cancel_target_not_found", "57014", "EXECUTION.CANCEL_TARGET_NOT_FOUND",
                "no_known_state_change", "no");
    }

    @Override
    public MessageType type() {
        return MessageType.CANCELLED;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.uuid(cancelId).lpstr(outcomeClass).lpstr(sqlState).lpstr(diagnosticCode).lpstr(transactionEffect)
                .lpstr(retryability);
    }

    public static Cancelled decode(PayloadReader r) {
        Cancelled c = new Cancelled(r.uuid("cancel_id"), r.lpstr("outcome_class"), r.lpstr("sqlstate"),
                r.lpstr("diagnostic_code"), r.lpstr("transaction_effect"), r.lpstr("retryability"));
        r.expectEnd("CANCELLED");
        return c;
    }
}
