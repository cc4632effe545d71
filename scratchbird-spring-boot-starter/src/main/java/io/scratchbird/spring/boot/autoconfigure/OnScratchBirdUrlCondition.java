package io.scratchbird.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code spring.datasource.url} is a {@code jdbc:scratchbird:} URL. */
class OnScratchBirdUrlCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("ScratchBird JDBC URL");
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        if (ScratchBirdJdbcConnectionDetails.isScratchBirdUrl(url)) {
            return ConditionOutcome.match(message.because("spring.datasource.url is a jdbc:scratchbird: URL"));
        }
        return ConditionOutcome.noMatch(message.because("spring.datasource.url is not a jdbc:scratchbird: URL"));
    }
}
