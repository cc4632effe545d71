package io.scratchbird.wire.message;

/** A message a client sends to the server (codes 0x01-0x3F, plus the TXN_STATUS query). */
public interface ClientMessage extends Message {
}
