package io.scratchbird.jdbc.session;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client's policy for the server certificate: accept any ({@code require} without
 * {@code sslrootcert}, {@code allow}, {@code prefer}), verify the chain ({@code verify-ca},
 * {@code require} with {@code sslrootcert}), or verify the chain and the host name
 * ({@code verify-full}). The checks are the JDK's PKIX trust manager and its HTTPS endpoint
 * identification (enabled through the socket's {@code SSLParameters}); this class runs them in two
 * steps so that a failure says which one failed, and whether the certificate had expired.
 */
final class ServerCertificateCheck extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    private final boolean verifyHostName;
    private final String trustSource;

    /**
     * @param pkix           the JDK trust manager over the trusted certificates; null to accept any certificate
     * @param verifyHostName whether the host name is checked too (the socket must enable endpoint identification)
     * @param trustSource    what {@code pkix} trusts, for messages ({@code sslrootcert file ca.pem})
     */
    ServerCertificateCheck(X509ExtendedTrustManager pkix, boolean verifyHostName, String trustSource) {
        this.pkix = pkix;
        this.verifyHostName = verifyHostName;
        this.trustSource = trustSource;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        if (pkix != null) {
            check(chain, authType, () -> pkix.checkServerTrusted(chain, authType, socket), peerHost(socket));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        if (pkix != null) {
            check(chain, authType, () -> pkix.checkServerTrusted(chain, authType, engine), engine.getPeerHost());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (pkix != null) {
            check(chain, authType, () -> pkix.checkServerTrusted(chain, authType), "");
        }
    }

    /** Step 1, with host-name checks: the chain alone. Step 2: everything the connection requires. */
    private void check(X509Certificate[] chain, String authType, Check full, String host) throws CertificateException {
        if (verifyHostName) {
            try {
                pkix.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw untrusted(e);
            }
        }
        try {
            full.run();
        } catch (CertificateException e) {
            if (!verifyHostName) {
                throw untrusted(e);
            }
            throw new CertificateException("the server certificate was rejected for host name '" + host
                    + "' (sslmode=verify-full): " + e.getMessage(), e);
        }
    }

    private CertificateException untrusted(CertificateException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return new CertificateException("the server certificate is outside its validity period ("
                        + t.getMessage() + ")", e);
            }
        }
        return new CertificateException("the server certificate is not trusted by " + trustSource + ": " + e.getMessage(), e);
    }

    /** The host the socket was created for (the handshake session knows it; the final session does not exist yet). */
    private static String peerHost(Socket socket) {
        if (socket instanceof SSLSocket && ((SSLSocket) socket).getHandshakeSession() != null) {
            return ((SSLSocket) socket).getHandshakeSession().getPeerHost();
        }
        return "";
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    /** Never called on a client-mode socket; refusing is the safe answer should it ever be. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not verify client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix == null ? new X509Certificate[0] : pkix.getAcceptedIssuers();
    }

    @FunctionalInterface
    private interface Check {
        void run() throws CertificateException;
    }
}
