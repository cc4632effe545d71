package io.scratchbird.wire.message;

import io.scratchbird.wire.MessageType;
import io.scratchbird.wire.PayloadReader;
import io.scratchbird.wire.PayloadWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * BIND (0x05), spec 8.3: portal and statement names, parameter format codes, parameter values
 * ({@code i32} length, -1 = NULL) and result format codes. A {@code null} entry in
 * {@link #values()} is SQL NULL.
 */
public record Bind(String portalName, String statementName, List<Integer> paramFormats, byte[][] values,
                   List<Integer> resultFormats) implements ClientMessage {

    public Bind {
        Objects.requireNonNull(portalName, "portalName");
        Objects.requireNonNull(statementName, "statementName");
        paramFormats = List.copyOf(paramFormats);
        resultFormats = List.copyOf(resultFormats);
        Objects.requireNonNull(values, "values");
        if (values.length > 0xFFFF || paramFormats.size() > 0xFFFF || resultFormats.size() > 0xFFFF) {
            throw new IllegalArgumentException("BIND counts are u16: at most 65535 values and formats");
        }
    }

    /** Format of parameter {@code i}: all binary when no formats are listed, else the last listed repeats. */
    public int paramFormat(int i) {
        return paramFormats.isEmpty() ? 1 : paramFormats.get(Math.min(i, paramFormats.size() - 1));
    }

    /** Format of result column {@code i}, with the same repetition rule; text when none are listed. */
    public int resultFormat(int i) {
        return resultFormats.isEmpty() ? 0 : resultFormats.get(Math.min(i, resultFormats.size() - 1));
    }

    /** True for a P1 array-bind packet (spec 8.9), which starts with {@code 01 00 00 01}. */
    public static boolean isArrayBind(byte[] payload) {
        return payload.length >= 4 && payload[0] == 1 && payload[1] == 0 && payload[2] == 0 && payload[3] == 1;
    }

    @Override
    public MessageType type() {
        return MessageType.BIND;
    }

    @Override
    public void writePayload(PayloadWriter out) {
        out.lpstr(portalName).lpstr(statementName).u16(paramFormats.size());
        for (int f : paramFormats) {
            out.u16(f);
        }
        out.u16(values.length).u16(0);
        for (byte[] v : values) {
            if (v == null) {
                out.i32(-1);
            } else {
                out.i32(v.length).bytes(v);
            }
        }
        out.u16(resultFormats.size());
        for (int f : resultFormats) {
            out.u16(f);
        }
    }

    public static Bind decode(PayloadReader r) {
        String portal = r.lpstr("portal_name");
        String statement = r.lpstr("statement_name");
        List<Integer> formats = u16List(r, "param_format");
        int count = r.u16("param_value_count");
        r.skip(2, "reserved");
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            int len = r.i32("param[" + i + "].length");
            values[i] = len < 0 ? null : r.bytes(len, "param[" + i + "].bytes");
        }
        // The server ignores result formats; a payload that ends before them means "none".
        List<Integer> results = r.hasRemaining() ? u16List(r, "result_format") : List.of();
        return new Bind(portal, statement, formats, values, results);
    }

    private static List<Integer> u16List(PayloadReader r, String field) {
        int n = r.u16(field + "_count");
        Integer[] out = new Integer[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.u16(field + "[" + i + "]");
        }
        return List.of(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bind b && portalName.equals(b.portalName) && statementName.equals(b.statementName)
                && paramFormats.equals(b.paramFormats) && Arrays.deepEquals(values, b.values)
                && resultFormats.equals(b.resultFormats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(portalName, statementName, paramFormats, Arrays.deepHashCode(values), resultFormats);
    }

    @Override
    public String toString() {
        return "Bind[portal=" + portalName + ", statement=" + statementName + ", formats=" + paramFormats
                + ", values=" + values.length + ", resultFormats=" + resultFormats + "]";
    }
}
