package io.scratchbird.wire;

/**
 * Every SBWP message code the spec names (section 4), with the direction it travels in. Codes
 * the server does not accept are still listed so that a peer can name what it received.
 */
public enum MessageType {
    // client -> server
    STARTUP(0x01, Direction.CLIENT),
    AUTH_RESPONSE(0x02, Direction.CLIENT),
    QUERY(0x03, Direction.CLIENT),
    PARSE(0x04, Direction.CLIENT),
    BIND(0x05, Direction.CLIENT),
    DESCRIBE(0x06, Direction.CLIENT),
    EXECUTE(0x07, Direction.CLIENT),
    CLOSE(0x08, Direction.CLIENT),
    SYNC(0x09, Direction.CLIENT),
    FLUSH(0x0A, Direction.CLIENT),
    CANCEL(0x0B, Direction.CLIENT),
    TERMINATE(0x0C, Direction.CLIENT),
    COPY_DATA(0x0D, Direction.CLIENT),
    COPY_DONE(0x0E, Direction.CLIENT),
    COPY_FAIL(0x0F, Direction.CLIENT),
    SBLR_EXECUTE(0x10, Direction.CLIENT),
    SUBSCRIBE(0x11, Direction.CLIENT),
    UNSUBSCRIBE(0x12, Direction.CLIENT),
    FEDERATED_QUERY(0x13, Direction.CLIENT),
    STREAM_CONTROL(0x14, Direction.CLIENT),
    TXN_BEGIN(0x15, Direction.CLIENT),
    TXN_COMMIT(0x16, Direction.CLIENT),
    TXN_ROLLBACK(0x17, Direction.CLIENT),
    TXN_SAVEPOINT(0x18, Direction.CLIENT),
    TXN_RELEASE(0x19, Direction.CLIENT),
    TXN_ROLLBACK_TO(0x1A, Direction.CLIENT),
    PING(0x1B, Direction.CLIENT),
    SET_OPTION(0x1C, Direction.CLIENT),
    CLUSTER_AUTH(0x1D, Direction.CLIENT),
    ATTACH_CREATE(0x1E, Direction.CLIENT),
    ATTACH_DETACH(0x1F, Direction.CLIENT),
    ATTACH_LIST(0x20, Direction.CLIENT),
    RESET_SESSION(0x21, Direction.CLIENT),
    REAUTH(0x22, Direction.CLIENT),
    TRACE_CONTEXT(0x23, Direction.CLIENT),
    // server -> client
    AUTH_REQUEST(0x40, Direction.SERVER),
    AUTH_OK(0x41, Direction.SERVER),
    AUTH_CONTINUE(0x42, Direction.SERVER),
    READY(0x43, Direction.SERVER),
    ROW_DESCRIPTION(0x44, Direction.SERVER),
    DATA_ROW(0x45, Direction.SERVER),
    COMMAND_COMPLETE(0x46, Direction.SERVER),
    EMPTY_QUERY(0x47, Direction.SERVER),
    ERROR(0x48, Direction.SERVER),
    NOTICE(0x49, Direction.SERVER),
    PARSE_COMPLETE(0x4A, Direction.SERVER),
    BIND_COMPLETE(0x4B, Direction.SERVER),
    CLOSE_COMPLETE(0x4C, Direction.SERVER),
    PORTAL_SUSPENDED(0x4D, Direction.SERVER),
    NO_DATA(0x4E, Direction.SERVER),
    PARAMETER_STATUS(0x4F, Direction.SERVER),
    PARAMETER_DESCRIPTION(0x50, Direction.SERVER),
    COPY_IN_RESPONSE(0x51, Direction.SERVER),
    COPY_OUT_RESPONSE(0x52, Direction.SERVER),
    COPY_BOTH_RESPONSE(0x53, Direction.SERVER),
    NOTIFICATION(0x54, Direction.SERVER),
    FUNCTION_RESULT(0x55, Direction.SERVER),
    NEGOTIATE_VERSION(0x56, Direction.SERVER),
    SBLR_COMPILED(0x57, Direction.SERVER),
    QUERY_PLAN(0x58, Direction.SERVER),
    STREAM_READY(0x59, Direction.SERVER),
    STREAM_DATA(0x5A, Direction.SERVER),
    STREAM_END(0x5B, Direction.SERVER),
    /** Both directions: the server's finality record, and the client's finality query. */
    TXN_STATUS(0x5C, Direction.BOTH),
    PONG(0x5D, Direction.SERVER),
    CLUSTER_AUTH_OK(0x5E, Direction.SERVER),
    FEDERATED_RESULT(0x5F, Direction.SERVER),
    QUERY_PROGRESS(0x60, Direction.SERVER),
    SERVER_INFO(0x61, Direction.SERVER),
    STATE_NOTIFICATION(0x62, Direction.SERVER),
    CANCEL_ACK(0x65, Direction.SERVER),
    CANCELLED(0x66, Direction.SERVER),
    MULTI_RESULT_BEGIN(0x67, Direction.SERVER),
    MULTI_RESULT_END(0x68, Direction.SERVER),
    GENERATED_KEYS(0x69, Direction.SERVER),
    OUT_PARAMETERS(0x6A, Direction.SERVER),
    BATCH_RESULT(0x6B, Direction.SERVER),
    PIPELINE_STATUS(0x6C, Direction.SERVER),
    ARRAY_BIND_STATUS(0x6D, Direction.SERVER),
    BULK_REJECT_DATA(0x6E, Direction.SERVER),
    LOB_LOCATOR(0x6F, Direction.SERVER),
    LOB_CHUNK(0x70, Direction.SERVER),
    /** Server code in the registry; a client LOB_CLOSE (same code) is refused with 0A000. */
    LOB_CLOSE(0x71, Direction.BOTH),
    CURSOR_STATUS(0x72, Direction.SERVER),
    FAILOVER_HINT(0x73, Direction.SERVER),
    HEARTBEAT(0x80, Direction.BOTH),
    EXTENSION(0x81, Direction.BOTH);

    /** Which peer sends a message. */
    public enum Direction { CLIENT, SERVER, BOTH }

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final Direction direction;

    MessageType(int code, Direction direction) {
        this.code = code;
        this.direction = direction;
    }

    public int code() {
        return code;
    }

    public Direction direction() {
        return direction;
    }

    /** @return the type with this code, or {@code null} when the spec names none */
    public static MessageType byCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
