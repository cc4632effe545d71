package io.scratchbird.wire.message;

import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.WireFormatException;

import java.util.UUID;

/**
 * Turns messages into frames and frames into messages. Decoding needs to know which peer sent
 * the frame (the same code can mean different layouts, e.g. TXN_STATUS) and, for READY,
 * ROW_DESCRIPTION, PARAMETER_DESCRIPTION and BIND, the session's {@link Layout}.
 */
public final class Messages {

    private Messages() {
    }

    public static Frame toFrame(Message m, int flags, int sequence, UUID attachmentId, long txnId) {
        byte[] payload = m.encodePayload();
        return new Frame(new FrameHeader(m.type().code(), flags, payload.length, sequence, attachmentId, txnId), payload);
    }

    /**
     * Decodes a frame a client sent.
     *
     * @throws WireFormatException {@code UNKNOWN_MESSAGE_TYPE} for a code that is not a client
     *                             message, or any payload problem
     */
    public static ClientMessage decodeClient(Frame f, Layout layout) {
        byte[] p = f.payload();
        PayloadReader r = PayloadReader.ofPayload(p);
        MessageType t = MessageType.byCode(f.type());
        if (t == null) {
            throw unknown(f.type(), "client");
        }
        return switch (t) {
            case STARTUP -> Startup.isP1(p) ? Startup.decode(r) : LegacyStartup.decode(r);
            case AUTH_RESPONSE, PING, COPY_DATA, REAUTH -> new OpaqueMessage(t, p.clone());
            case QUERY -> Query.decode(r);
            case PARSE -> Parse.decode(r);
            case BIND -> layout == Layout.P1 && Bind.isArrayBind(p) ? ArrayBind.decode(r) : Bind.decode(r);
            case DESCRIBE -> Describe.decode(r);
            case EXECUTE -> Execute.decode(r);
            case CLOSE -> Close.decode(r);
            case SYNC -> EmptyMessage.SYNC;
            case TERMINATE -> EmptyMessage.TERMINATE;
            case COPY_DONE -> EmptyMessage.COPY_DONE;
            case CANCEL -> Cancel.decode(r);
            case COPY_FAIL -> CopyFail.decode(r);
            case SBLR_EXECUTE -> SblrExecute.decode(r);
            case SUBSCRIBE -> Subscribe.decode(r);
            case UNSUBSCRIBE -> Unsubscribe.decode(r);
            case TXN_BEGIN -> TxnBegin.decode(r);
            case TXN_COMMIT -> TxnCommit.decode(r);
            case TXN_ROLLBACK -> TxnRollback.decode(r);
            case TXN_SAVEPOINT, TXN_RELEASE, TXN_ROLLBACK_TO -> SavepointCommand.decode(t, r);
            case SET_OPTION -> SetOption.decode(r);
            case RESET_SESSION -> ResetSession.decode(r);
            case TRACE_CONTEXT -> TraceContext.decode(r);
            case TXN_STATUS -> TxnStatusQuery.decode(r);
            default -> throw unknown(f.type(), "client");
        };
    }

    /**
     * Decodes a frame the server sent.
     *
     * @throws WireFormatException {@code UNKNOWN_MESSAGE_TYPE} for a code this codec has no
     *                             layout for (a client should skip such frames, spec 13.1 item 6)
     */
    public static ServerMessage decodeServer(Frame f, Layout layout) {
        PayloadReader r = PayloadReader.ofPayload(f.payload());
        MessageType t = MessageType.byCode(f.type());
        if (t == null) {
            throw unknown(f.type(), "server");
        }
        boolean p1 = layout == Layout.P1;
        return switch (t) {
            case AUTH_REQUEST -> AuthRequest.decode(r);
            case AUTH_OK -> AuthOk.decode(r);
            case AUTH_CONTINUE -> AuthContinue.decode(r);
            case READY -> p1 ? Ready.decode(r) : LegacyReady.decode(r);
            case ROW_DESCRIPTION -> p1 ? RowDescription.decode(r) : LegacyRowDescription.decode(r);
            case DATA_ROW -> DataRow.decode(r);
            case COMMAND_COMPLETE -> CommandComplete.decode(r);
            case ERROR -> ErrorResponse.decode(false, r);
            case NOTICE -> ErrorResponse.decode(true, r);
            case PARSE_COMPLETE -> EmptyMessage.PARSE_COMPLETE;
            case BIND_COMPLETE -> EmptyMessage.BIND_COMPLETE;
            case CLOSE_COMPLETE -> EmptyMessage.CLOSE_COMPLETE;
            case NO_DATA -> EmptyMessage.NO_DATA;
            case PORTAL_SUSPENDED -> EmptyMessage.PORTAL_SUSPENDED;
            case EMPTY_QUERY -> EmptyMessage.EMPTY_QUERY;
            case PARAMETER_STATUS -> ParameterStatus.decode(r);
            case PARAMETER_DESCRIPTION -> p1 ? ParameterDescription.decode(r) : LegacyParameterDescription.decode(r);
            case COPY_IN_RESPONSE -> CopyInResponse.decode(r);
            case NOTIFICATION -> Notification.decode(r);
            case SBLR_COMPILED -> SblrCompiled.decode(r);
            case TXN_STATUS -> TxnStatusRecord.decode(r);
            case PONG -> OpaqueMessage.pong(f.payload().clone());
            case SERVER_INFO -> ServerInfo.decode(r);
            case CANCEL_ACK -> CancelAck.decode(r);
            case CANCELLED -> Cancelled.decode(r);
            default -> throw unknown(f.type(), "server");
        };
    }

    private static WireFormatException unknown(int code, String side) {
        return new WireFormatException(WireFormatException.Problem.UNKNOWN_MESSAGE_TYPE, 6,
                "message type 0x" + String.format("%02x", code) + " is not a " + side + " message this codec decodes");
    }
}
