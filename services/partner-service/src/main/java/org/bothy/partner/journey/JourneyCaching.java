package org.bothy.partner.journey;

import org.bothy.support.axon.AggregateCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the journeys workers are working on in memory: without it every change of a journey read and deserialised
 * all of the journey's events again before deciding (the largest share of a command's time in the benchmark, see
 * docs/performance.md). Safe because one deployment serves one organisation and is its event store's only writer.
 */
@Configuration
public class JourneyCaching {

    /** The bean name {@link Journey} names as its cache. */
    public static final String CACHE = "journeyCache";

    @Bean(CACHE)
    AggregateCache journeyCache(@Value("${bothy.journey.cache-size:10000}") int size) {
        return new AggregateCache(size);
    }
}
