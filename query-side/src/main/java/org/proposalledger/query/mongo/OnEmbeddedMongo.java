package org.proposalledger.query.mongo;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no MongoDB address is configured, i.e. the embedded server should run. */
class OnEmbeddedMongo extends SpringBootCondition {

    static final String URI = "spring.data.mongodb.uri";
    static final String HOST = "spring.data.mongodb.host";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        for (String key : new String[]{URI, HOST}) {
            if (StringUtils.hasText(context.getEnvironment().getProperty(key))) {
                return ConditionOutcome.noMatch(key + " is set: using that MongoDB");
            }
        }
        return ConditionOutcome.match("no " + URI + " or " + HOST + ": embedded read-model store");
    }
}
