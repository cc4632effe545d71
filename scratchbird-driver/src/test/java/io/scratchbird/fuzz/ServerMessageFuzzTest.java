package io.scratchbird.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;
import io.scratchbird.wire.FrameReader;
import io.scratchbird.wire.Layout;
import io.scratchbird.wire.WireFormatException;
import io.scratchbird.wire.message.Messages;
import io.scratchbird.wire.message.ServerMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.UUID;

/**
 * Every client-side decoder of a server message: the frame reader (with the client's 1 GiB
 * payload limit) and {@link Messages#decodeServer} for both layouts. A hostile or broken server
 * may only ever cause a {@link WireFormatException}.
 */
class ServerMessageFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void decode(FuzzedDataProvider data) throws IOException {
        int mode = data.consumeInt(0, 2);
        if (mode == 0) {
            // A raw byte stream, as a socket would deliver it.
            FrameReader reader = new FrameReader(new ByteArrayInputStream(data.consumeRemainingAsBytes()),
                    FrameHeader.CLIENT_MAX_PAYLOAD);
            try {
                for (Frame f; (f = reader.read()) != null; ) {
                    decodeBoth(f);
                }
            } catch (WireFormatException expected) {
                // the documented rejection
            }
        } else {
            // A well-formed header around an arbitrary payload: reaches every payload decoder.
            int type = data.consumeInt(0, 255);
            byte[] payload = data.consumeRemainingAsBytes();
            decodeBoth(new Frame(new FrameHeader(type, 0, payload.length, 0, new UUID(0, 0), 0), payload));
        }
    }

    private static void decodeBoth(Frame f) {
        for (Layout layout : Layout.values()) {
            try {
                ServerMessage m = Messages.decodeServer(f, layout);
                m.toString();
            } catch (WireFormatException expected) {
                // the documented rejection
            }
        }
    }
}
