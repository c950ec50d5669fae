package org.bothy.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/**
 * Problem details for every Bothy service; ordered before Spring MVC's own auto-configuration so that Boot's default
 * problem handler steps aside for {@link BothyProblemHandler}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(BothyProblemHandler.class)
public class BothyWebAutoConfiguration {
}
