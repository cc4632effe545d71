package io.scratchbird.wire.message;

/** A message the server sends to a client (codes 0x40 and above). */
public interface ServerMessage extends Message {
}
