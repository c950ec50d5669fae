package org.bothy.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The OpenAPI description every service serves: titled after the application, with bearer (JWT) auth on. */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class BothyOpenApiAutoConfiguration {

    /** The name of the security scheme operations refer to. */
    public static final String BEARER = "bearer-jwt";

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI bothyOpenApi(@Value("${spring.application.name:bothy}") String applicationName) {
        return new OpenAPI()
                .info(new Info().title("Bothy " + applicationName).version("v1")
                        .description("Errors are application/problem+json with errors: [{field, reason}]."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A token from the consortium's OIDC issuer (the dev issuer locally)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
