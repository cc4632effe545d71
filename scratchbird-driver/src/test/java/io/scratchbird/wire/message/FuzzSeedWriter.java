package io.scratchbird.wire.message;

import io.scratchbird.wire.Frame;
import io.scratchbird.wire.FrameHeader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes the starting seeds of the frame-decoder fuzz tests from {@link SampleMessages}: one valid
 * frame of every message type, in the two input forms the fuzz targets read (raw stream: the
 * frame bytes then a mode byte 0; structured: the payload, the type byte, then mode byte 1 —
 * Jazzer's FuzzedDataProvider takes integers from the end of the input). Not a test; run by hand:
 * {@code java -cp <test classpath> io.scratchbird.wire.message.FuzzSeedWriter <driver test resources> <embedded test resources>}.
 */
public final class FuzzSeedWriter {

    private FuzzSeedWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path server = Path.of(args[0], "io/scratchbird/fuzz/ServerMessageFuzzTestInputs/decode");
        Path client = Path.of(args[1], "io/scratchbird/embedded/session/ClientMessageFuzzTestInputs/decode");
        Files.createDirectories(server);
        Files.createDirectories(client);
        int i = 0;
        for (SampleMessages.Sample s : SampleMessages.many(1)) {
            Frame f = Messages.toFrame(s.message(), 0, 1, new UUID(0, 0), 0);
            Path dir = s.fromClient() ? client : server;
            String name = String.format("%03d-%s%s", i++, s.message().type().name().toLowerCase(java.util.Locale.ROOT),
                    s.layout() == io.scratchbird.wire.Layout.LEGACY ? "-legacy" : "");
            byte[] raw = Arrays.copyOf(f.toBytes(), f.toBytes().length + 1);
            Files.write(dir.resolve(name + "-raw"), raw);
            byte[] structured = Arrays.copyOf(f.payload(), f.payload().length + 2);
            structured[structured.length - 2] = (byte) s.message().type().code();
            structured[structured.length - 1] = 1;
            Files.write(dir.resolve(name + "-payload"), structured);
        }
        byte[] huge = new FrameHeader(0x43, 0, FrameHeader.CLIENT_MAX_PAYLOAD, 0, new UUID(0, 0), 0).toBytes();
        Files.write(server.resolve("huge-length-header"), Arrays.copyOf(huge, huge.length + 11));
    }
}
