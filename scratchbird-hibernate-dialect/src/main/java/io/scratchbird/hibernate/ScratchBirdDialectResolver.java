package io.scratchbird.hibernate;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks {@link ScratchBirdDialect} when the JDBC metadata names ScratchBird, so applications need
 * no {@code hibernate.dialect} setting. Registered through {@code META-INF/services}; Hibernate
 * asks it before its own resolver, which would not recognise the product name.
 */
public final class ScratchBirdDialectResolver implements DialectResolver {

    /** What {@code DatabaseMetaData.getDatabaseProductName()} answers for ScratchBird. */
    public static final String PRODUCT_NAME = "ScratchBird";

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String product = info.getDatabaseName();
        return product != null && product.trim().equalsIgnoreCase(PRODUCT_NAME) ? new ScratchBirdDialect(info) : null;
    }
}
