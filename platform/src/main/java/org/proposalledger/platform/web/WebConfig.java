package org.proposalledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.proposalledger.platform.LedgerProperties;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** Web pieces both sides share. */
@AutoConfiguration
@Import(ProblemHandling.class)
@EnableConfigurationProperties(LedgerProperties.class)
public class WebConfig {

    @Bean
    public Commands commands(CommandGateway gateway, CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RejectionInterceptor());
        return new Commands(gateway);
    }

    @Bean
    public Queries queries(QueryGateway gateway) {
        return new Queries(gateway);
    }

    @Bean
    public FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> reg = new FilterRegistrationBean<>(new CorrelationIdFilter());
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return reg;
    }

    @Bean
    public FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            LedgerProperties properties, ObjectMapper mapper) {
        FilterRegistrationBean<RequestSizeFilter> reg =
                new FilterRegistrationBean<>(new RequestSizeFilter(properties.getMaxRequestSize().toBytes(), mapper));
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return reg;
    }
}
