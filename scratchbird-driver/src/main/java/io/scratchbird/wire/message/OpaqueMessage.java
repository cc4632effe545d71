package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadWriter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message whose whole payload is uninterpreted bytes: AUTH_RESPONSE (the credential), PING and
 * PONG (echoed bytes), COPY_DATA (rows), REAUTH (an undefined evidence blob).
 */
public record OpaqueMessage(MessageType type, byte[] bytes) implements ClientMessage, ServerMessage {

    public OpaqueMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bytes, "bytes");
    }

    public static OpaqueMessage authResponse(byte[] credential) {
        return new OpaqueMessage(MessageType.AUTH_RESPONSE, credential);
    }

    public static OpaqueMessage ping(byte[] echo) {
        return new OpaqueMessage(MessageType.PING, echo);
    }

    public static OpaqueMessage pong(byte[] echo) {
        return new OpaqueMessage(MessageType.PONG, echo);
    }

    public static OpaqueMessage copyData(byte[] rows) {
        return new OpaqueMessage(MessageType.COPY_DATA, rows);
    }

    public static OpaqueMessage reauth(byte[] evidence) {
        return new OpaqueMessage(MessageType.REAUTH, evidence);
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.bytes(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueMessage m && type == m.type && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        // Never print the bytes: AUTH_RESPONSE carries a password.
        return "OpaqueMessage[" + type + ", " + bytes.length + " bytes]";
    }
}
