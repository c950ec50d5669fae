package org.bothy.partner.journey;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bothy.partner.person.PersonRecords;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds to every journey a worker reads whom it is for: {@code person: {personId, erased}}, so that a journey of an
 * erased person says so, whatever slices the journey view grows.
 */
@RestControllerAdvice
public class JourneyPersonAdvice implements ResponseBodyAdvice<Object> {

    private final PersonRecords people;
    private final JsonMapper json;

    public JourneyPersonAdvice(PersonRecords people, JsonMapper json) {
        this.people = people;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        Class<?> type = returnType.getParameterType();
        if (HttpEntity.class.isAssignableFrom(type)) {
            type = ResolvableType.forMethodParameter(returnType).getGeneric(0).resolve(Object.class);
        }
        return JourneyView.class.isAssignableFrom(type);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(body instanceof JourneyView journey)) {
            return body;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = json.convertValue(journey, LinkedHashMap.class);
        people.personOfJourney(journey.journeyId()).flatMap(people::find).ifPresent(person -> {
            Map<String, Object> whom = new LinkedHashMap<>();
            whom.put("personId", person.personId());
            whom.put("erased", person.erased());
            shown.put("person", whom);
        });
        return shown;
    }
}
