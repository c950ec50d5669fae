package org.bothy.kernel.contract.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.cloudevents.ContractViolation;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.ContractJson;
import org.bothy.kernel.contract.ContractSchemas;
import org.bothy.kernel.contract.ContractType;
import org.bothy.kernel.contract.Contracts;
import org.junit.jupiter.api.Test;

/** The learning contracts carry what the practice means: scores 1-10, LM3 to 2 dp, snapshots keyed by their own id. */
class LearningContractsTest {

    private static final String PSEUDONYM = "3f2a9c1e0b7d4a6f8e5c2b1a0d9f8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f10";
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final String SOURCE = "/bothy/partner/fresh-start";
    private static final String TOPIC = "bothy.learning.fresh-start";

    private final ContractCodec codec = ContractCodec.standard();

    @Test
    void lm3OfTheWorkedExampleIs184() {
        assertThat(Lm3Reported.lm3(10_000_000, 6_000_000, 2_400_000)).isEqualTo(new BigDecimal("1.84"));
        assertThat(Lm3Reported.lm3(300, 100, 0)).isEqualTo(new BigDecimal("1.33"));
        assertThat(Lm3Reported.lm3(100, 0, 0)).isEqualTo(new BigDecimal("1.00"));
        assertThatThrownBy(() -> Lm3Reported.lm3(0, 100, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("R1 (income) must be more than 0 pence, was 0");
    }

    @Test
    void lm3IsHeldAtTwoDecimalPlacesSoAWholeNumberComesBackEqual() {
        Lm3Reported reported = new Lm3Reported("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", AT, "spartans", "pitch-hire",
                "Community pitch hire", "predicted", 500_000, 500_000, 0, new BigDecimal("2"));

        assertThat(reported.lm3()).isEqualTo(new BigDecimal("2.00"));
        assertThat(roundTrip(reported)).isEqualTo(reported);
    }

    @Test
    void anLm3WithMoreThanTwoDecimalPlacesIsRefusedOnTheWayIn() throws IOException {
        ContractType lm3 = Contracts.current(Lm3Reported.class);
        ObjectNode payload = (ObjectNode) example(lm3);

        assertThat(ContractSchemas.problems(lm3, payload.put("lm3", 1.1))).isEmpty();
        assertThat(ContractSchemas.problems(lm3, payload.put("lm3", 1.845))).singleElement().asString().startsWith("$.lm3");
        assertThat(ContractSchemas.problems(lm3, payload.put("lm3", 0.5))).singleElement().asString().startsWith("$.lm3");
    }

    @Test
    void anOrganisationsOwnLearningIsKeyedByItsOwnId() {
        IssuePublished issue = new IssuePublished("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", AT, "fresh-start", "issue-12", 4,
                "Council tax arrears are passed to sheriff officers within weeks of a new tenancy.", 3, "open", "government",
                null, null, List.of("debt"), List.of("council-revenues"), 14, 9);
        LearningCyclePublished cycle = new LearningCyclePublished("7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", AT, "fresh-start",
                "cycle-4", 1, "team", "What happens when the first bill arrives?", "Post goes unopened.",
                "Send the first bill through the worker.", List.of());

        assertThat(codec.toRecord(TOPIC, SOURCE, issue).key()).isEqualTo("issue-12");
        assertThat(codec.toRecord(TOPIC, SOURCE, cycle).key()).isEqualTo("cycle-4");
        assertThat(roundTrip(issue)).isEqualTo(issue);
        assertThat(roundTrip(cycle)).isEqualTo(cycle);
    }

    @Test
    void anExperimentWithoutATheme() {
        ExperimentConcluded concluded = new ExperimentConcluded("8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a", AT, "move-on",
                PSEUDONYM, "j-2", "exp-1", null, "Meeting at the football rather than the office made the conversation easy.");

        assertThat(roundTrip(concluded)).isEqualTo(concluded);
    }

    @Test
    void whatThePracticeDoesNotAllowIsRefusedNamingTheField() {
        assertRefused(new SoftMeasureScored("9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b", AT, "fresh-start", PSEUDONYM, "j-1",
                "hope", 11), "$.score");
        assertRefused(new SoftMeasureScored("9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b", AT, "fresh-start", PSEUDONYM, "j-1",
                "hope", 0), "$.score");
        assertRefused(new ContactRecorded("0f1a2b3c-4d5e-4f6a-9b7c-8d9e0f1a2b3c", AT, "fresh-start", PSEUDONYM, "j-1",
                "c-1", "call", -5, 0), "$.minutes");
        assertRefused(new ContactRecorded("0f1a2b3c-4d5e-4f6a-9b7c-8d9e0f1a2b3c", AT, "fresh-start", PSEUDONYM, "j-1",
                "c-1", "Phone Call", 5, 0), "$.kind");
        assertRefused(new IssuePublished("1a2b3c4d-5e6f-4a7b-8c8d-9e0f1a2b3c4d", AT, "fresh-start", "issue-1", 1,
                "", 2, "parked", "team", null, null, List.of(), List.of(), 0, 0), "$.description", "$.status");
        assertRefused(new IssuePublished("1a2b3c4d-5e6f-4a7b-8c8d-9e0f1a2b3c4d", AT, "fresh-start", "issue-1", 0,
                "Rent arrears.", 2, "open", "team", null, null, List.of("debt", "debt"), List.of(), 0, 0), "$.revision", "$.themes");
        assertRefused(new ExperimentConcluded("2b3c4d5e-6f7a-4b8c-9d9e-0f1a2b3c4d5e", AT, "move-on", PSEUDONYM, "j-2",
                "exp-1", "debt", null), "$.learningSummary");
        assertRefused(new Lm3Reported("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", AT, "spartans", "p-1", "Pitch hire", "guess",
                0, 0, 0, BigDecimal.ONE), "$.basis", "$.r1Pence");
        assertRefused(new ConsentWithdrawn("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a", AT, "fresh-start", "Morag MacLeod"),
                "$.pseudonym");
    }

    @Test
    void everyCodeInAnExampleIsInTheConsortiumsCodeList() throws IOException {
        List<String> checked = new ArrayList<>();
        for (ContractType type : Contracts.all()) {
            JsonNode schema = ContractSchemas.document(type);
            JsonNode example = example(type);
            schema.path("properties").properties().forEach(property -> {
                String list = CodeListReference.of(property.getValue());
                if (list != null) {
                    checked.add(type.name() + ".v" + type.version() + "." + property.getKey());
                    JsonNode value = example.path(property.getKey());
                    List<JsonNode> values = new ArrayList<>();
                    if (value.isArray()) {
                        value.forEach(values::add);
                    } else {
                        values.add(value);
                    }
                    values.stream().filter(each -> !each.isNull()).forEach(each ->
                            assertThat(CodeListReference.isCode(list, each.asText()))
                                    .as("%s %s: '%s' in %s", type.ceType(), property.getKey(), each.asText(), list).isTrue());
                }
            });
        }
        assertThat(checked).contains("JourneyOpened.v1.door", "BarrierObserved.v2.theme", "ContactRecorded.v1.kind",
                "SoftMeasureScored.v1.dimension", "IssuePublished.v1.status", "IssuePublished.v1.themes",
                "LearningCyclePublished.v1.scale");
    }

    private void assertRefused(ContractEvent event, String... fields) {
        assertThatThrownBy(() -> codec.toRecord(TOPIC, SOURCE, event))
                .isInstanceOf(ContractViolation.class)
                .satisfies(violation -> {
                    for (String field : fields) {
                        assertThat(violation.getMessage()).contains(field + ":");
                    }
                });
    }

    /** Out as a Kafka record, in as the place would read it, out and in again as a structured CloudEvent. */
    private ContractEvent roundTrip(ContractEvent event) {
        ProducerRecord<String, byte[]> sent = codec.toRecord(TOPIC, SOURCE, event);
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(sent.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME,
                -1, -1, sent.key(), sent.value(), new RecordHeaders(sent.headers().toArray()), Optional.empty());
        return codec.fromStructuredJson(codec.toStructuredJson(SOURCE, codec.fromRecord(received)));
    }

    private static JsonNode example(ContractType type) throws IOException {
        try (InputStream in = LearningContractsTest.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            return ContractJson.mapper().readTree(in);
        }
    }
}
