package io.scratchbird.jdbc;

import java.util.Objects;

/**
 * One server address of a connection URL.
 *
 * @param host a host name, an IPv4 address or an IPv6 address <em>without</em> brackets
 *             (possibly with a zone, {@code fe80::1%eth0})
 * @param port 1-65535
 */
public record HostSpec(String host, int port) {

    public HostSpec {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1-65535: " + port);
        }
    }

    /** Whether {@link #host()} is an IPv6 literal (and needs brackets in a URL). */
    public boolean isIpv6Literal() {
        return host.indexOf(':') >= 0;
    }

    /** {@code host:port}, with brackets around an IPv6 address: {@code [::1]:3092}. */
    @Override
    public String toString() {
        return (isIpv6Literal() ? "[" + host + "]" : host) + ":" + port;
    }
}
