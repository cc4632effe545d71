package io.scratchbird.wire.message;

import io.scratchbird.wire.codec.TypeOids;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TypeRefsTest {

    /** Types whose reference deliberately folds into another (no canonical code tells them apart). */
    private static final Map<Integer, Integer> FOLDED = Map.of(
            TypeOids.BPCHAR, TypeOids.VARCHAR, TypeOids.CHAR, TypeOids.TEXT);

    @Test
    void everyDeclaredTypeMapsBackToItsOid() throws IllegalAccessException {
        for (Field f : TypeOids.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) {
                continue;
            }
            int oid = f.getInt(null);
            int expected = FOLDED.getOrDefault(oid, oid);
            long precision = oid == TypeOids.VARCHAR || oid == TypeOids.BPCHAR ? 20 : 0;
            assertEquals(expected, TypeRefs.oidOf(TypeRefs.declared(oid, precision, 0)), f.getName());
        }
    }

    @Test
    void modifiersTravelInTheReference() {
        TypeRef numeric = TypeRefs.declared(TypeOids.NUMERIC, 38, 10);
        assertEquals(38, numeric.precision());
        assertEquals(10, numeric.scale());
        assertEquals(768, TypeRefs.declared(TypeOids.VECTOR, 768, 0).precision());
        assertEquals(TypeOids.FLOAT4, TypeRefs.oidOf(TypeRefs.declared(TypeOids.FLOAT4, 0, 0)));
        assertEquals(TypeOids.FLOAT8, TypeRefs.oidOf(TypeRefs.declared(TypeOids.FLOAT8, 0, 0)));
    }

    @Test
    void upstreamMappingIsTheServersSixReferencesAndTextForTheRest() {
        assertEquals(TypeRef.of(2, 3), TypeRefs.upstream(TypeOids.INT4));
        assertEquals(TypeRef.of(2, 4), TypeRefs.upstream(TypeOids.INT8));
        assertEquals(TypeRef.of(1, 1), TypeRefs.upstream(TypeOids.BOOL));
        assertEquals(TypeRef.of(6, 2), TypeRefs.upstream(TypeOids.FLOAT8));
        assertEquals(TypeRef.of(4, 1), TypeRefs.upstream(TypeOids.NUMERIC));
        assertEquals(TypeRef.UNKNOWN, TypeRefs.upstream(0));
        assertEquals(TypeRef.of(8, 1), TypeRefs.upstream(TypeOids.DATE));
        assertEquals(TypeRef.of(8, 1), TypeRefs.upstream(TypeOids.INT2));
        // and the upstream references read back as the drivers read them
        assertEquals(TypeOids.TEXT, TypeRefs.oidOf(TypeRefs.upstream(TypeOids.VECTOR)));
        assertEquals(TypeOids.INT8, TypeRefs.oidOf(TypeRefs.upstream(TypeOids.INT8)));
    }
}
