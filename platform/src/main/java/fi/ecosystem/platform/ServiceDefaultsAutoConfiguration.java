package fi.ecosystem.platform;

import fi.ecosystem.platform.security.ApiTokens;
import fi.ecosystem.platform.security.CityUserArgumentResolver;
import fi.ecosystem.platform.security.CityUserAuthentication;
import fi.ecosystem.platform.security.ProblemSecurityHandlers;
import fi.ecosystem.platform.security.VerifiedTokens;
import fi.ecosystem.platform.web.ProblemDetailsAdvice;
import fi.ecosystem.platform.web.RequestBodyLimitFilter;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The service defaults of the platform, for every module that serves HTTP: security (a stateless resource
 * server that checks each token itself), problem+json errors, the request body limit, API docs. The other
 * parts: {@link fi.ecosystem.platform.privacy.PrivacyAutoConfiguration},
 * {@link fi.ecosystem.platform.messaging.MessagingAutoConfiguration},
 * {@link fi.ecosystem.platform.projectaccess.ProjectAccessAutoConfiguration}.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class ServiceDefaultsAutoConfiguration {

    /** Public paths every service may have: health for the orchestrator, API docs, the public pages' API. */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
        "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/public/**",
        "/error"};

    @Configuration(proxyBeanMethods = false)
    static class SecurityConfiguration {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder jwtDecoder(PlatformProperties properties) {
            PlatformProperties.Security security = properties.security();
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri()).build();
            var validator = ApiTokens.validator(security.issuerUri(), security.clockSkew(), security.audience(),
                    security.clients());
            decoder.setJwtValidator(validator);
            return new VerifiedTokens(decoder, validator);
        }

        /**
         * Services are stateless resource servers: the browser session and its CSRF protection live at the
         * gateway, which relays the token. Every service checks the token itself (not only the gateway).
         */
        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain platformSecurity(HttpSecurity http) throws Exception {
            ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
            http.csrf(csrf -> csrf.disable())
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(requests -> requests.requestMatchers(OPEN_PATHS).permitAll()
                            .anyRequest().authenticated())
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(new CityUserAuthentication()))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems))
                    .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems));
            return http.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WebConfiguration implements WebMvcConfigurer {

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CityUserArgumentResolver());
        }

        @Bean
        @ConditionalOnMissingBean
        io.swagger.v3.oas.models.OpenAPI openApi(@Value("${springdoc.info.title:${spring.application.name}}") String title,
                PlatformProperties properties) {
            return fi.ecosystem.platform.web.ApiDocs.openApi(title, properties.security().issuerUri());
        }

        @Bean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformProperties properties) {
            FilterRegistrationBean<RequestBodyLimitFilter> registration =
                    new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.web().maxBodySize()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
