package org.bothy.support.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bothy.support.axon.RandomIdentifierFactory;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void ids_are_version_4_uuids_and_never_repeat_across_threads() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    seen.add(RandomIds.uuid());
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(seen).hasSize(80_000);
        assertThat(seen).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        });
    }

    @Test
    void axon_names_its_messages_with_them() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIdentifierFactory.class);
        String id = GenericEventMessage.asEventMessage("a fact").getIdentifier();
        assertThat(UUID.fromString(id).version()).isEqualTo(4);
    }
}
