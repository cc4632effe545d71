package io.scratchbird.spring.boot.autoconfigure;

import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** {@code scratchbird.embedded.enabled}: auto (no spring.datasource.url), true or false. */
class OnEmbeddedServerCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("ScratchBird embedded server");
        Environment env = context.getEnvironment();
        String mode = env.getProperty("scratchbird.embedded.enabled", "auto").trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "false":
                return ConditionOutcome.noMatch(message.because("scratchbird.embedded.enabled is false"));
            case "true":
                return ConditionOutcome.match(message.because("scratchbird.embedded.enabled is true"));
            case "auto":
                if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
                    return ConditionOutcome.noMatch(message.because("spring.datasource.url is set"));
                }
                return ConditionOutcome.match(message.because("no spring.datasource.url is set"));
            default:
                throw new IllegalStateException(
                        "scratchbird.embedded.enabled must be auto, true or false, not '" + mode + "'");
        }
    }
}
