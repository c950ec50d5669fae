package org.bothy.place.dashboard;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the dashboard at {@code /dashboard/} from the service's own static resources, with its security headers. */
@Configuration(proxyBeanMethods = false)
public class DashboardWeb implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // A trailing slash keeps the page's relative links (dashboard.js, dashboard.css) inside /dashboard/.
        registry.addRedirectViewController("/dashboard", "/dashboard/");
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }

    @Bean
    FilterRegistrationBean<DashboardHeaders> dashboardHeaders() {
        FilterRegistrationBean<DashboardHeaders> registration = new FilterRegistrationBean<>(new DashboardHeaders());
        registration.addUrlPatterns("/dashboard", "/dashboard/*");
        return registration;
    }
}
