package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.UUID;

/**
 * SERVER_INFO (0x61), sent once after AUTH_OK in P1 sessions (spec 6.7). The second and third
 * UUIDs and the first and third u64 have no documented meaning (U-7); they are carried as-is.
 */
public record ServerInfo(UUID sessionId, UUID uuid2, UUID uuid3, String productName, String productVersion,
                         String dialect, long value1, long supportedFeatures, long value3) implements ServerMessage {

    @Override
    public MessageType type() {
        return MessageType.SERVER_INFO;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.uuid(sessionId).uuid(uuid2).uuid(uuid3).lpstr(productName).lpstr(productVersion).lpstr(dialect)
                .i64(value1).i64(supportedFeatures).i64(value3);
    }

    public static ServerInfo decode(PayloadReader r) {
        ServerInfo info = new ServerInfo(r.uuid("session_uuid"), r.uuid("server_info_uuid_2"), r.uuid("server_info_uuid_3"),
                r.lpstr("product_name"), r.lpstr("product_version"), r.lpstr("dialect"),
                r.i64("server_info_u64_1"), r.i64("server_supported_feature_bitmap"), r.i64("server_info_u64_3"));
        r.expectEnd("SERVER_INFO");
        return info;
    }
}
