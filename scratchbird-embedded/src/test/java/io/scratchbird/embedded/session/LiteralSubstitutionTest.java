package io.scratchbird.embedded.session;

import io.scratchbird.wire.codec.TypeOids;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reference-quirks literal rules of spec 8.7, with errata A.3's quote doubling. */
class LiteralSubstitutionTest {

    @Test
    void vector07BindBecomesTheDocumentedSql() {
        List<String> literals = List.of(
                LiteralSubstitution.literal(1, TypeOids.INT8, HexFormat.of().parseHex("0100000000002000")),
                LiteralSubstitution.literal(1, TypeOids.TEXT, HexFormat.of().parseHex("0500000068656c6c6f")),
                LiteralSubstitution.literal(1, TypeOids.JSONB, HexFormat.of().parseHex("0b0000007b226b223a5b312c325d7d")),
                LiteralSubstitution.literal(1, TypeOids.VECTOR, HexFormat.of().parseHex("0f0000005b312e302c322e352c2d332e32355d")));
        assertEquals("insert into t(a,b,c,d) values (9007199254740993,'hello','{\"k\":[1,2]}','[1.0,2.5,-3.25]')",
                LiteralSubstitution.substitute("insert into t(a,b,c,d) values ($1,$2,$3,$4)", literals));
    }

    @Test
    void literalRules() {
        assertEquals("NULL", LiteralSubstitution.literal(1, TypeOids.TEXT, null));
        assertEquals("TRUE", LiteralSubstitution.literal(1, TypeOids.BOOL, new byte[]{5}));
        assertEquals("-2", LiteralSubstitution.literal(1, TypeOids.INT2, new byte[]{(byte) 0xFE, (byte) 0xFF}));
        assertEquals("3.14159", LiteralSubstitution.literal(1, TypeOids.FLOAT8, le(Double.doubleToLongBits(3.14159265))));
        assertEquals("1.23457e+06", LiteralSubstitution.sixDigits(1234567.0));
        assertEquals("1e-07", LiteralSubstitution.sixDigits(1e-7));
        assertEquals("2.5", LiteralSubstitution.sixDigits(2.5));
        assertEquals("'6a2f41a3-c54c-fce8-32d2-0324e1c32e22'", LiteralSubstitution.literal(1, TypeOids.UUID,
                HexFormat.of().parseHex("6a2f41a3c54cfce832d20324e1c32e22")));
        assertEquals("42", LiteralSubstitution.literal(0, TypeOids.INT4, "42".getBytes(StandardCharsets.UTF_8)));
        assertEquals("'it''s'", LiteralSubstitution.literal(0, 0, "it's".getBytes(StandardCharsets.UTF_8)));
        assertEquals("'it''s'", LiteralSubstitution.literal(1, TypeOids.TEXT, lp("it's")), "binary path doubles quotes too");
        assertEquals("12.5", LiteralSubstitution.literal(1, 0, lp("12.5")), "OID 0 numbers stay unquoted");
    }

    @Test
    void substitutionSkipsQuotesAndComments() {
        assertEquals("select '?', \"$1\", 7 -- ?\n, 8 /* $2 */, 7, ?",
                LiteralSubstitution.substitute("select '?', \"$1\", ? -- ?\n, ? /* $2 */, $1, ?", List.of("7", "8")));
        assertEquals(2, PlaceholderScanner.parameterCount("select ?, ? from t where '?' = $1"));
        assertEquals(3, PlaceholderScanner.parameterCount("select $3, $1"));
    }

    @Test
    void fallbackIdsMatchTheServersFixedCancelId() {
        assertEquals(UUID.fromString("292d6577-f82d-7968-a92d-6577f82d8968"), CommitFinality.fallbackId("cancel-request"));
    }

    private static byte[] le(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static byte[] lp(String s) {
        byte[] t = s.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[4 + t.length];
        b[0] = (byte) t.length;
        System.arraycopy(t, 0, b, 4, t.length);
        return b;
    }
}
