package io.scratchbird.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.SQLException;

/** Reads stream parameters fully: values always travel inline in SBWP (spec 9.15, no LOB locators). */
final class Streams {

    private Streams() {
    }

    /** @param length bytes to read, or a negative number for "until the end" */
    static byte[] read(InputStream in, long length) throws SQLException {
        try {
            if (length >= 0) {
                byte[] b = in.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8));
                if (b.length < length) {
                    throw new SQLException("the stream ended after " + b.length + " of " + length + " bytes", "22023");
                }
                return b;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SQLException("could not read the parameter stream: " + e.getMessage(), "22023", e);
        }
    }

    static String read(Reader in, long length) throws SQLException {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            long remaining = length < 0 ? Long.MAX_VALUE : length;
            while (remaining > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (n < 0) {
                    break;
                }
                sb.append(buf, 0, n);
                remaining -= n;
            }
            if (length >= 0 && sb.length() < length) {
                throw new SQLException("the reader ended after " + sb.length() + " of " + length + " characters", "22023");
            }
            return sb.toString();
        } catch (IOException e) {
            throw new SQLException("could not read the parameter reader: " + e.getMessage(), "22023", e);
        }
    }
}
