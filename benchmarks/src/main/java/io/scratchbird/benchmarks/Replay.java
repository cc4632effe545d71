package io.scratchbird.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * Recording and replaying a server's byte stream, for the driver-only decode benchmark.
 *
 * <p>{@link Recorder} is a loopback proxy that keeps every byte the server sends. {@link Player} is a
 * loopback "server" that does no work: it ignores what the client writes and sends the recorded login
 * bytes, then the recorded response of one query over and over. A driver that sends the same requests
 * in the same order (a plain Statement re-executing one query) reads exactly the responses it would read
 * from the real server, but with no server cost behind them: what is left is the client's cost per row
 * (plus loopback socket reads, the same for both drivers).
 */
final class Replay {

    private Replay() {
    }

    static final class Recorder implements AutoCloseable {
        private final ServerSocket listener;
        private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
        private final Thread acceptor;
        private volatile Socket client;
        private volatile Socket upstream;

        Recorder(String host, int port) throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                try {
                    client = listener.accept();
                    upstream = new Socket(host, port);
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    Thread up = pump(client.getInputStream(), upstream.getOutputStream(), null);
                    pump(upstream.getInputStream(), client.getOutputStream(), fromServer);
                    up.join();
                } catch (IOException | InterruptedException ignored) {
                    // closed
                }
            }, "replay-recorder");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        /** Bytes received so far (everything the client has read is recorded before it was forwarded). */
        int mark() {
            synchronized (fromServer) {
                return fromServer.size();
            }
        }

        byte[] bytes(int from, int to) {
            synchronized (fromServer) {
                return Arrays.copyOfRange(fromServer.toByteArray(), from, to);
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            if (client != null) {
                client.close();
            }
            if (upstream != null) {
                upstream.close();
            }
        }

        private static Thread pump(InputStream in, OutputStream out, ByteArrayOutputStream copy) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[64 * 1024];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        if (copy != null) {
                            synchronized (copy) {
                                copy.write(buf, 0, n);
                            }
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // closed
                }
            }, "replay-pump");
            t.setDaemon(true);
            t.start();
            return t;
        }
    }

    static final class Player implements AutoCloseable {
        private final ServerSocket listener;
        private final byte[] login;
        private final byte[] response;

        Player(byte[] login, byte[] response) throws IOException {
            this.login = login;
            this.response = response;
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::serve, "replay-player");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void serve() {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    s.setTcpNoDelay(true);
                    Thread drain = new Thread(() -> {
                        byte[] buf = new byte[64 * 1024];
                        try (InputStream in = s.getInputStream()) {
                            while (in.read(buf) > 0) {
                                // requests are not looked at
                            }
                        } catch (IOException ignored) {
                            // closed
                        }
                    }, "replay-drain");
                    drain.setDaemon(true);
                    drain.start();
                    Thread write = new Thread(() -> {
                        try (OutputStream out = s.getOutputStream()) {
                            out.write(login);
                            while (true) {
                                out.write(response);
                            }
                        } catch (IOException ignored) {
                            // the client closed
                        }
                    }, "replay-write");
                    write.setDaemon(true);
                    write.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
