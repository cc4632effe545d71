package io.scratchbird.jdbc;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every registry property is a bean property of the DataSource (setter; getter unless secret), so containers can configure it. */
class DataSourceBeanPropertiesTest {

    @Test
    void everyRegistryPropertyHasBeanAccessors() {
        List<String> missing = new ArrayList<>();
        for (ScratchBirdProperty p : ScratchBirdProperty.values()) {
            String bean = Character.toUpperCase(p.propertyName().charAt(0)) + p.propertyName().substring(1);
            if (!has("set" + bean)) {
                missing.add("set" + bean);
            }
            if (!p.isSecret() && !has("get" + bean) && !has("is" + bean)) {
                missing.add("get" + bean);
            }
        }
        assertEquals(List.of(), missing);
    }

    private static boolean has(String name) {
        for (Method m : ScratchBirdDataSource.class.getMethods()) {
            if (m.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
