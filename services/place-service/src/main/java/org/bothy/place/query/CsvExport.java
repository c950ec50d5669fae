package org.bothy.place.query;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;

/**
 * Every view can be exported as CSV, by {@code Accept: text/csv} or {@code ?format=csv} (the parameter is switched on
 * in application.yml).
 */
@Configuration(proxyBeanMethods = false)
public class CsvExport {

    @Bean
    HttpMessageConverter<Object> csvHttpMessageConverter() {
        return new CsvHttpMessageConverter();
    }
}
