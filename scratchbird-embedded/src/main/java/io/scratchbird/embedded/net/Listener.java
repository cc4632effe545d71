package io.scratchbird.embedded.net;

import io.scratchbird.embedded.session.ServerContext;
import io.scratchbird.embedded.session.ServerSession;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The TCP listener: accepts connections and gives each its own thread, which performs the
 * transport start (direct TLS 1.3, or the plaintext sniff of spec 2.3) and then serves the
 * session. A slow client can therefore never hold up accepts or other sessions.
 */
public final class Listener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Listener.class.getName());
    /** Spec 2.2: how long a client may take to send its first bytes. */
    private static final int PREAUTH_TIMEOUT_MS = 30_000;
    /** Spec 2.3: how long a plaintext client has to show the SBWP magic. */
    private static final int PLAINTEXT_SNIFF_MS = 100;
    private static final byte[] BANNER = "ScratchBird SBSQL parser ready\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket serverSocket;
    private final SSLContext tls;
    private final ServerContext context;
    private final Thread acceptor;
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    /**
     * Binds and starts accepting.
     *
     * @param tls the server context for direct TLS 1.3, or null for plaintext
     */
    public Listener(InetAddress bindAddress, int port, SSLContext tls, ServerContext context) throws IOException {
        this.tls = tls;
        this.context = context;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(bindAddress, port), 512);
        this.acceptor = new Thread(this::acceptLoop, "sbwp-listener-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The bound port (the ephemeral one when 0 was requested). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed: {0}", e.toString());
                }
                continue;
            }
            Thread t = new Thread(() -> serve(s), "sbwp-session-" + connections.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            shortenKeepAlive(socket);
            Transport transport = tls != null ? startTls(socket) : sniffPlaintext(socket);
            if (transport == null) {
                socket.close();
                return;
            }
            socket.setSoTimeout(0);
            ServerSession.over(context, transport.in(), transport.out(), transport.closer(), peer).run();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection from {0} closed before its session started: {1}", peer, e.toString());
            closeQuietly(socket);
        }
    }

    /** Keep-alive probes after 60 s of silence, every 10 s, 6 unanswered = dead (where the OS lets the JDK set them). */
    static final int KEEPALIVE_IDLE_SECONDS = 60;
    static final int KEEPALIVE_INTERVAL_SECONDS = 10;
    static final int KEEPALIVE_PROBES = 6;

    /**
     * A peer that vanished without FIN or RST (half-open TCP) is detected by keep-alive probes;
     * the OS default waits about two hours before the first probe. Where the platform supports
     * {@link jdk.net.ExtendedSocketOptions} keep-alive tuning (e.g. Linux and macOS) the server
     * detects a dead idle peer after about two minutes; elsewhere the OS default applies.
     * The idle-in-transaction timeout bounds how long such a peer can hold locks in any case.
     */
    static void shortenKeepAlive(Socket socket) {
        try {
            var supported = socket.supportedOptions();
            if (supported.contains(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE)) {
                socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, KEEPALIVE_IDLE_SECONDS);
            }
            if (supported.contains(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL)) {
                socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL, KEEPALIVE_INTERVAL_SECONDS);
            }
            if (supported.contains(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT)) {
                socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT, KEEPALIVE_PROBES);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "keep-alive tuning not available: {0}", e.toString());
        }
    }

    /** The streams a session talks over, and what to close when it ends. */
    private record Transport(InputStream in, OutputStream out, AutoCloseable closer) {
    }

    /**
     * Spec 2.2: the first three bytes must start a TLS handshake record (16 03 01..04), else the
     * connection is closed without a word; then a TLS 1.3-only handshake.
     */
    private Transport startTls(Socket socket) throws IOException {
        socket.setSoTimeout(PREAUTH_TIMEOUT_MS);
        byte[] head = readUpTo(socket.getInputStream(), 3);
        if (head.length < 3 || head[0] != 0x16 || head[1] != 0x03 || head[2] < 0x01 || head[2] > 0x04) {
            return null;
        }
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, new ByteArrayInputStream(head), true);
        ssl.setUseClientMode(false);
        ssl.setEnabledProtocols(new String[]{"TLSv1.3"});
        ssl.setNeedClientAuth(false);
        ssl.startHandshake();
        return new Transport(ssl.getInputStream(), ssl.getOutputStream(), ssl);
    }

    /**
     * Spec 2.3: within 100 ms the client must show the 4 bytes {@code SBWP}; otherwise it gets the
     * text banner and the connection is closed (the text protocol itself is not served).
     */
    private Transport sniffPlaintext(Socket socket) throws IOException {
        socket.setSoTimeout(PLAINTEXT_SNIFF_MS);
        byte[] head = readUpTo(socket.getInputStream(), 4);
        if (!Arrays.equals(head, new byte[]{'S', 'B', 'W', 'P'})) {
            OutputStream out = socket.getOutputStream();
            out.write(BANNER);
            out.flush();
            return null;
        }
        // Buffered: a frame is a 40-byte header and a payload, two reads that should not be two syscalls.
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(head),
                new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024));
        return new Transport(in, socket.getOutputStream(), socket);
    }

    private static byte[] readUpTo(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        int got = 0;
        try {
            while (got < n) {
                int r = in.read(b, got, n - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
        } catch (SocketTimeoutException e) {
            // fewer bytes than needed in time: the caller treats it as "not what we expected"
        }
        return Arrays.copyOf(b, got);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing listener: {0}", e.toString());
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
