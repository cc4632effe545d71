package io.scratchbird.embedded;

import io.scratchbird.embedded.junit.ScratchBirdExtension;
import io.scratchbird.wire.message.DataRow;
import io.scratchbird.wire.message.ErrorResponse;
import io.scratchbird.wire.message.ServerMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Many sessions at once; stuck clients and the connection limit. */
class ConcurrencyTest {

    @RegisterExtension
    static ScratchBirdExtension db = ScratchBirdExtension.configured(b -> b.maxConnections(260));

    @Test
    void twoHundredSessionsWorkAtOnce() throws Exception {
        try (SbwpTestClient setup = SbwpTestClient.connect(db.server())) {
            setup.query("create table hits (session_no int, n int)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            List<SbwpTestClient> clients = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                clients.add(SbwpTestClient.connect(db.server()));
            }
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                SbwpTestClient c = clients.get(i);
                int no = i;
                work.add(pool.submit(() -> {
                    for (int k = 0; k < 5; k++) {
                        List<ServerMessage> r = c.query("insert into hits values (" + no + ", " + k + ")");
                        assertNull(SbwpTestClient.error(r));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
            org.junit.jupiter.api.Assertions.assertTrue(db.server().activeSessions() >= 200, "all 200 sessions are open at once");
            try (SbwpTestClient check = SbwpTestClient.connect(db.server())) {
                DataRow row = (DataRow) check.query("select count(*) from hits").get(1);
                assertEquals("1000", new String(row.value(0), StandardCharsets.UTF_8));
            }
            for (SbwpTestClient c : clients) {
                c.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStuckClientDoesNotBlockOthers() throws Exception {
        try (Socket stuck = new Socket("127.0.0.1", db.server().port())) {
            stuck.getOutputStream().write(new byte[]{0x16, 0x03});   // half a TLS record, then silence
            stuck.getOutputStream().flush();
            try (SbwpTestClient other = SbwpTestClient.connect(db.server())) {
                assertNull(SbwpTestClient.error(other.query("select 1")));
            }
        }
    }

    @Test
    void sessionsBeyondTheLimitAreRefusedWith53300() throws Exception {
        try (EmbeddedScratchBird small = EmbeddedScratchBird.builder().inMemory().port(0).maxConnections(2).start()) {
            try (SbwpTestClient a = SbwpTestClient.connect(small); SbwpTestClient b = SbwpTestClient.connect(small)) {
                SbwpTestClient.AuthFailed f = assertThrows(SbwpTestClient.AuthFailed.class, () -> SbwpTestClient.connect(small).close());
                assertEquals("53300", assertInstanceOf(ErrorResponse.class, f.answer).sqlState());
                assertNull(SbwpTestClient.error(a.query("select 1")));
            }
        }
    }
}
