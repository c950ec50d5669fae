package org.bothy.support.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/** The one JSON form of Axon messages, snapshots, sagas and tokens in a Bothy event store. */
public final class AxonSerializers {

    private AxonSerializers() {
    }

    /**
     * The mapper: records by their components, java.time as ISO-8601 strings, and lenient on properties it does not
     * know, so that an old event still reads after a field is dropped (upcasting handles the rest).
     */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** A Jackson serializer over {@link #objectMapper()}. */
    public static JacksonSerializer jackson() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .defaultTyping()
                .build();
    }
}
