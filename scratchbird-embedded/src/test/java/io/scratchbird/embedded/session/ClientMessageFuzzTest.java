package io.scratchbird.embedded.session;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.FrameReader;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.message.Messages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.UUID;

/**
 * Every server-side frame decoder: the frame reader with the server's 64 MiB limit, every client
 * message decoder in both layouts ({@link Messages#decodeClient}), STARTUP negotiation and the
 * frame gate. A hostile client may only cause {@link WireFormatException} or a
 * {@link ProtocolFailure} (which the session turns into an ERROR frame).
 */
class ClientMessageFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void decode(FuzzedDataProvider data) throws IOException {
        int mode = data.consumeInt(0, 2);
        if (mode == 0) {
            FrameReader reader = new FrameReader(new ByteArrayInputStream(data.consumeRemainingAsBytes()),
                    FrameHeader.SERVER_MAX_PAYLOAD);
            try {
                for (Frame f; (f = reader.read()) != null; ) {
                    decodeAll(f);
                }
            } catch (WireFormatException expected) {
                // the documented rejection
            }
        } else {
            int type = data.consumeInt(0, 255);
            byte[] payload = data.consumeRemainingAsBytes();
            decodeAll(new Frame(new FrameHeader(type, 0, payload.length, 0, new UUID(0, 0), 0), payload));
        }
    }

    private static void decodeAll(Frame f) {
        for (Layout layout : Layout.values()) {
            try {
                Messages.decodeClient(f, layout).toString();
            } catch (WireFormatException expected) {
                // the documented rejection
            }
        }
        try {
            FrameGate.check(f.type(), -1L);
        } catch (ProtocolFailure expected) {
            // unknown or never-negotiable code
        }
        if (f.type() == MessageType.STARTUP.code()) {
            try {
                new StartupNegotiation(SessionSettings.SUPPORTED_FEATURES).negotiate(f.payload());
            } catch (ProtocolFailure expected) {
                // refused startup: an ERROR frame for the client
            }
        }
    }
}
