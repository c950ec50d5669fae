package org.bothy.support.testapp;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AxonOnPostgresTest extends RunningTestService {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;
    @Autowired
    TransactionManager axonTransactions;

    @Test
    void events_are_stored_in_postgresql_as_json_and_read_back_in_order() {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new ShelterApi.OpenShelter(id, "Corrour", LocalDate.of(2024, 5, 1)));
        commands.sendAndWait(new ShelterApi.RecordStay(id, 2));
        Object nightsAfter = commands.sendAndWait(new ShelterApi.RecordStay(id, 3));

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().collect(Collectors.toList());

        assertThat(nightsAfter).as("state sourced from the stored stays").isEqualTo(5);
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(events.get(0).getPayload()).isEqualTo(new ShelterApi.ShelterOpened(id, "Corrour", LocalDate.of(2024, 5, 1)));
        assertThat(events.get(2).getPayload()).isEqualTo(new ShelterApi.StayRecorded(id, 3));
        byte[] stored = jdbc.queryForObject(
                "select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                byte[].class, id);
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("\"openedOn\":\"2024-05-01\"");
    }

    @Test
    void the_global_index_grows_by_one_with_no_gaps() {
        for (int i = 0; i < 3; i++) {
            commands.sendAndWait(new ShelterApi.OpenShelter(UUID.randomUUID().toString(), "Shelter " + i,
                    LocalDate.of(2024, 1, 1)));
        }

        List<Long> indexes = jdbc.queryForList("select global_index from domain_event_entry order by global_index",
                Long.class);
        Long increment = jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class);

        assertThat(increment).isEqualTo(1L);
        assertThat(indexes).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i) - indexes.get(i - 1)).as("gap after %s", indexes.get(i - 1)).isEqualTo(1L);
        }
    }

    @Test
    void payloads_metadata_tokens_and_sagas_are_bytea_not_large_objects() {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where (table_name, column_name) in (('domain_event_entry','payload'), ('domain_event_entry','meta_data'),
                    ('snapshot_event_entry','payload'), ('token_entry','token'), ('saga_entry','serialized_saga'),
                    ('dead_letter_entry','payload'))""");

        assertThat(columns).hasSize(6);
        assertThat(columns).allSatisfy(column -> assertThat(column.get("data_type")).as(column.toString())
                .isEqualTo("bytea"));
    }

    @Test
    void one_jackson_serializer_serves_messages_events_and_the_rest_and_axon_joins_spring_transactions() {
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(messageSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
    }
}
