package org.proposalledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Web pieces both sides share. */
@AutoConfiguration
@Import(ProblemHandling.class)
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
            @Value("${ledger.max-request-size:1MB}") DataSize max, ObjectMapper mapper) {
        FilterRegistrationBean<RequestSizeFilter> reg =
                new FilterRegistrationBean<>(new RequestSizeFilter(max.toBytes(), mapper));
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return reg;
    }
}
