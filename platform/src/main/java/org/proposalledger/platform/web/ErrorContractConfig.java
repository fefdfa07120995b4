package org.proposalledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ProtocolHandler;
import org.proposalledger.platform.security.SignInRefusals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

import java.util.List;

/**
 * One error contract below Spring MVC as well (see {@link Problems}): the security firewall's
 * refusals, the {@code /error} page, Tomcat's own error report, CORS refusals, and error answers
 * that do not depend on an {@code Accept} header Spring cannot parse. Before
 * {@link ErrorMvcAutoConfiguration}, so Spring Boot's {@code BasicErrorController} stands back.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
// imported, not a @Bean: the standalone application also finds the controller by scanning
@Import(ProblemErrorController.class)
public class ErrorContractConfig {

    /** Picked up by Spring Security's {@code WebSecurity} for its {@code FilterChainProxy}. */
    @Bean
    public RequestRejectedHandler firewallRejections(ObjectMapper mapper) {
        return new FirewallRejections(mapper);
    }

    /** Sign-in refusals (401, 403) in the problem shape; the security layer writes them through this. */
    @Bean
    public SignInRefusals signInRefusals(ObjectMapper mapper) {
        return (response, status, title, detail, rule) ->
                Problems.write(response, mapper, Problems.of(status, title, detail, rule));
    }

    /** Every handler mapping (the controllers', the actuator's, springdoc's) refuses CORS as a problem. */
    @Bean
    public static BeanPostProcessor problemCorsRefusals(ObjectProvider<ObjectMapper> mapper) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof AbstractHandlerMapping mapping) {
                    mapping.setCorsProcessor(new ProblemCorsProcessor(mapper.getObject()));
                }
                return bean;
            }
        };
    }

    @Bean
    public WebMvcConfigurer lenientAcceptHeader() {
        return new WebMvcConfigurer() {
            @Override
            public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
                configurer.strategies(List.of(new LenientAcceptHeader()));
            }
        };
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(
            ObjectProvider<ObjectMapper> mapper) {
        return new ValveCustomizer(mapper);
    }

    /**
     * Replaces the host's {@link ErrorReportValve} (Spring Boot adds one without server info and
     * report; Tomcat would add its default at start) with {@link ProblemReportValve}, and routes a
     * refused {@code OPTIONS *} to it ({@link AsteriskRequestAdapter}). Ordered last so it runs after
     * Spring Boot's own Tomcat customizer has added its valve.
     */
    static final class ValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        private final ObjectProvider<ObjectMapper> mapper;

        ValveCustomizer(ObjectProvider<ObjectMapper> mapper) {
            this.mapper = mapper;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            // the connector makes its adapter when it is initialised; wrap that one
            factory.addConnectorCustomizers(connector -> connector.addLifecycleListener(event -> {
                if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
                    ProtocolHandler protocol = connector.getProtocolHandler();
                    protocol.setAdapter(new AsteriskRequestAdapter(protocol.getAdapter()));
                }
            }));
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new ProblemReportValve(mapper::getObject));
                if (host instanceof StandardHost standardHost) {
                    // StandardHost adds this class at start unless a valve of it is there already
                    standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
