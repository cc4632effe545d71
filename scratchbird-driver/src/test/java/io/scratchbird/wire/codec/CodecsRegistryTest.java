package io.scratchbird.wire.codec;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The registry resolves every SBWP type by OID and by name, and nothing else. */
class CodecsRegistryTest {

    @Test
    void everyTypeOidButUnspecifiedHasACodec() throws IllegalAccessException {
        for (Field f : TypeOids.class.getFields()) {
            int oid = f.getInt(null);
            if (oid != TypeOids.UNSPECIFIED) {
                ValueCodec<?> codec = Codecs.byOid(oid);
                assertNotNull(codec, () -> "no codec for " + f.getName());
                assertEquals(oid, codec.oid());
            }
        }
        assertNull(Codecs.byOid(TypeOids.UNSPECIFIED));
        assertNull(Codecs.byOid(28));
    }

    @Test
    void everyPublicConstantIsRegisteredUnderItsOidAndName() throws IllegalAccessException {
        Set<ValueCodec<?>> constants = new HashSet<>();
        for (Field f : Codecs.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && ValueCodec.class.isAssignableFrom(f.getType())) {
                ValueCodec<?> codec = (ValueCodec<?>) f.get(null);
                constants.add(codec);
                assertSame(codec, Codecs.byOid(codec.oid()), f.getName());
                assertSame(codec, Codecs.byName(codec.typeName()), f.getName());
            }
        }
        assertEquals(constants, new HashSet<>(Codecs.all()));
    }

    @Test
    void namesAreTheWireNames() {
        List<String> names = List.of("bool", "int2", "int4", "int8", "float4", "float8", "numeric", "text", "varchar", "bpchar",
                "char", "xml", "bytea", "date", "time", "timetz", "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb",
                "int4range", "int8range", "numrange", "daterange", "tsrange", "tstzrange", "vector", "geometry",
                "bool[]", "bytea[]", "int2[]", "int4[]", "text[]", "varchar[]", "int8[]", "float4[]", "float8[]", "timestamp[]",
                "date[]", "time[]", "timestamptz[]", "numeric[]", "timetz[]", "uuid[]");
        for (String name : names) {
            assertEquals(name, Codecs.byName(name).typeName());
        }
        assertEquals(names.size(), Codecs.all().size());
        assertSame(Codecs.TSTZRANGE, Codecs.byName("TSTZRANGE"));
        assertSame(Codecs.INT4_ARRAY, Codecs.byName("Int4[]"));
        assertSame(GeometryCodec.INSTANCE, Codecs.byOid(TypeOids.POINT));
        assertNull(Codecs.byName("integer"));
        assertNull(Codecs.byName(null));
    }

    @Test
    void javaTypes() {
        assertEquals(Integer.class, Codecs.INT4.javaType());
        assertEquals(byte[].class, Codecs.BYTEA.javaType());
        assertEquals(List.class, Codecs.INT4_ARRAY.javaType());
        assertEquals(io.scratchbird.types.Range.class, Codecs.DATERANGE.javaType());
        assertEquals(java.time.OffsetDateTime.class, Codecs.TIMESTAMPTZ.javaType());
    }
}
