package io.scratchbird.hibernate;

import org.hibernate.CustomEntityDirtinessStrategy;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.BasicType;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.Type;
import org.hibernate.type.descriptor.java.JavaType;

import java.util.Objects;

/**
 * Dirty checking that compares JSON attributes by their JSON text. Hibernate compares a JSON
 * attribute's snapshot with {@code equals()}; for a class without {@code equals()} the snapshot (a
 * deserialised copy) never equals the current value, so every flush writes an UPDATE although
 * nothing changed. Every other attribute is checked exactly as Hibernate checks it.
 *
 * <p>Enable with {@code hibernate.entity_dirtiness_strategy=io.scratchbird.hibernate.JsonDirtinessStrategy}
 * (the ScratchBird Spring Boot starter sets it by default).
 */
public class JsonDirtinessStrategy implements CustomEntityDirtinessStrategy {

    @Override
    public boolean canDirtyCheck(Object entity, EntityPersister persister, Session session) {
        // Only entities with a JSON attribute and a loaded snapshot; Hibernate checks all others itself.
        return hasJsonAttribute(persister) && loadedState(entity, session) != null;
    }

    private static Object[] loadedState(Object entity, Session session) {
        var entry = ((SharedSessionContractImplementor) session).getPersistenceContextInternal().getEntry(entity);
        return entry == null ? null : entry.getLoadedState();
    }

    @Override
    public boolean isDirty(Object entity, EntityPersister persister, Session session) {
        var s = (SharedSessionContractImplementor) session;
        Object[] loaded = loadedState(entity, session);
        Object[] current = persister.getValues(entity);
        Type[] types = persister.getPropertyTypes();
        boolean[] updateable = persister.getPropertyUpdateability();
        for (int i = 0; i < types.length; i++) {
            if (updateable[i] && isDirty(types[i], loaded[i], current[i], s)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void resetDirty(Object entity, EntityPersister persister, Session session) {
        // Nothing is tracked between flushes: every check compares with the loaded snapshot.
    }

    @Override
    public void findDirty(Object entity, EntityPersister persister, Session session, DirtyCheckContext context) {
        var s = (SharedSessionContractImplementor) session;
        // The snapshot taken at load time, not attribute.getLoadedValue(), which reads the row again.
        Object[] loaded = loadedState(entity, session);
        context.doDirtyChecking(attribute -> isDirty(attribute.getType(), loaded[attribute.getAttributeIndex()],
                attribute.getCurrentValue(), s));
    }

    static boolean isDirty(Type type, Object loaded, Object current, SharedSessionContractImplementor session) {
        if (isJson(type)) {
            if (loaded == null || current == null) {
                return loaded != current;
            }
            @SuppressWarnings("unchecked")
            JavaType<Object> javaType = (JavaType<Object>) ((BasicType<?>) type).getJavaTypeDescriptor();
            return !Objects.equals(javaType.toString(loaded), javaType.toString(current));
        }
        return type.isDirty(loaded, current, session);
    }

    private static boolean isJson(Type type) {
        return type instanceof BasicType<?> basic && basic.getJdbcType().getDefaultSqlTypeCode() == SqlTypes.JSON;
    }

    private static boolean hasJsonAttribute(EntityPersister persister) {
        for (Type t : persister.getPropertyTypes()) {
            if (isJson(t)) {
                return true;
            }
        }
        return false;
    }
}
