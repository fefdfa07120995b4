package org.proposalledger.query.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.proposalledger.api.query.FindProposal;
import org.proposalledger.api.query.ListProposals;
import org.proposalledger.api.query.dashboard.GetSessionDashboard;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Rebuild of the read models, processor progress, readiness of the read models. */
@Configuration(proxyBeanMethods = false)
public class RebuildConfiguration {

    /** Queries answered from the read models; answering them mid-rebuild would give half-built figures. */
    static boolean answeredFromReadModels(Object query) {
        return query instanceof FindProposal || query instanceof ListProposals
                || query != null && query.getClass().getPackageName().equals(GetSessionDashboard.class.getPackageName());
    }

    @Bean
    public ProjectionProgress projectionProgress(EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProjectionProgress(processing, eventStore);
    }

    @Bean
    public ReadModelRebuild readModelRebuild(EventProcessingConfiguration processing, ProjectionProgress progress,
                                             QueryUpdateEmitter emitter) {
        return new ReadModelRebuild(processing, progress, emitter);
    }

    /** Health contributor {@code projectionCatchUp}; the readiness group includes it. */
    @Bean
    public ProjectionCatchUpHealth projectionCatchUp(ProjectionProgress progress) {
        return new ProjectionCatchUpHealth(progress);
    }

    @Bean
    public WebMvcConfigurer rebuildingGuard(ProjectionProgress progress, ObjectMapper mapper) {
        RebuildingGuard guard = new RebuildingGuard(progress, mapper);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(guard).addPathPatterns(RebuildingGuard.READ_MODEL_PATHS);
            }
        };
    }

    /** Query-bus callers are refused the same way while a rebuild runs. */
    @Bean
    public InitializingBean readModelQueriesWhileRebuilding(QueryBus queryBus, ProjectionProgress progress) {
        MessageHandlerInterceptor<QueryMessage<?, ?>> refuse = (unitOfWork, chain) -> {
            Object query = unitOfWork.getMessage().getPayload();
            if (progress.rebuilding() && answeredFromReadModels(query)) {
                throw new ReadModelRebuildingException();
            }
            return chain.proceed();
        };
        return () -> queryBus.registerHandlerInterceptor(refuse);
    }
}
