package io.scratchbird.spring.boot.autoconfigure;

import java.util.Map;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Hibernate settings ScratchBird applications want (see docs/hibernate.md), applied only when the
 * application has not set them itself (for example with {@code spring.jpa.properties.*}).
 */
public class ScratchBirdHibernatePropertiesCustomizer implements HibernatePropertiesCustomizer {

    static final String DIRTINESS_STRATEGY = "hibernate.entity_dirtiness_strategy";
    static final String JSON_FUNCTIONS = "hibernate.query.hql.json_functions_enabled";

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.putIfAbsent(DIRTINESS_STRATEGY, "io.scratchbird.hibernate.JsonDirtinessStrategy");
        hibernateProperties.putIfAbsent(JSON_FUNCTIONS, "true");
    }
}
