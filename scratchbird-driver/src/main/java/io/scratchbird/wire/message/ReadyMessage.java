package io.scratchbird.wire.message;

/** What both READY layouts tell a client: the current transaction id and whether one is active. */
public interface ReadyMessage extends ServerMessage {

    long txnId();

    boolean transactionActive();
}
