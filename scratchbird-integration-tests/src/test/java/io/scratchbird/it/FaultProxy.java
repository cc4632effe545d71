package io.scratchbird.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy between the driver and a server that injects network faults on demand:
 * <ul>
 *   <li>{@link #delay} every chunk in both directions;</li>
 *   <li>{@link #blackhole}: stop forwarding but keep both sockets open (a half-open peer: no FIN,
 *       no RST, nothing arrives);</li>
 *   <li>{@link #truncateDownstreamAfter}: forward only the next n server-to-client bytes, then
 *       close both sides (a response cut mid-frame);</li>
 *   <li>{@link #resetAll}: abort every connection with a TCP RST;</li>
 *   <li>{@link #refuse}: accept and immediately reset new connections (the server "is down").</li>
 * </ul>
 * The bytes themselves are never altered: TLS runs end to end through the proxy.
 */
final class FaultProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile long delayMillis;
    private volatile boolean blackhole;
    private volatile boolean refusing;
    private final AtomicLong downstreamBudget = new AtomicLong(-1);
    private volatile boolean closed;

    FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void delay(long millis) {
        this.delayMillis = millis;
    }

    void blackhole(boolean on) {
        this.blackhole = on;
    }

    void truncateDownstreamAfter(long bytes) {
        downstreamBudget.set(bytes);
    }

    void refuse(boolean on) {
        this.refusing = on;
    }

    /** Number of proxied connections now open (client side). */
    int openConnections() {
        return (int) sockets.stream().filter(s -> !s.isClosed()).count() / 2;
    }

    void resetAll() {
        for (Socket s : sockets) {
            abort(s);
        }
        sockets.clear();
    }

    private static void abort(Socket s) {
        try {
            s.setSoLinger(true, 0);   // close() now sends RST
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(s);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (refusing) {
                abort(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                start(client, server, false);
                start(server, client, true);
            } catch (IOException e) {
                abort(client);
            }
        }
    }

    private void start(Socket from, Socket to, boolean downstream) {
        Thread t = new Thread(() -> pump(from, to, downstream), "fault-proxy-" + (downstream ? "down" : "up"));
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to, boolean downstream) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    to.shutdownOutput();
                    return;
                }
                while (blackhole && !closed && !from.isClosed()) {
                    Thread.sleep(20);          // hold the bytes: the peer hears nothing
                }
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                long budget = downstream ? downstreamBudget.get() : -1;
                if (budget >= 0) {
                    int part = (int) Math.min(n, budget);
                    out.write(buf, 0, part);
                    out.flush();
                    downstreamBudget.addAndGet(-part);
                    if (part < n || budget - part == 0) {
                        closeQuietly(to);
                        closeQuietly(from);
                        return;
                    }
                    continue;
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            closeQuietly(to);
            closeQuietly(from);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        resetAll();
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
