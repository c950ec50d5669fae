package org.bothy.place;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bothy.kernel.cloudevents.ContractCodec;
import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.evidence.DisclosedCount;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.SharedLearning;
import org.bothy.kernel.contract.evidence.WindowCount;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.topics.Topics;
import org.bothy.testsupport.RealKafka;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The place publishes evidence signals as v2 on real Kafka: small counts of people and the counts that would give
 * them back by difference are hidden with no value, organisations are shown, and the pattern's recent shared learning
 * (from journeys that met the barrier, on its theme or none) travels with it, newest first, with no pseudonym or
 * journey id.
 */
class EvidenceSignalTest extends PlaceServiceTestBase {

    private static final String THEME = "justice";
    private static final String ACTOR = "school";
    private static final String GLEN = "signal-glen";
    private static final String FIRTH = "signal-firth";

    @Test
    void publishesDisclosureControlledCountsAndTheSharedLearningOfThePattern() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ContractEvent> sends = new ArrayList<>();
        // Seven people at the glen five days ago; two at the firth 200 days ago.
        for (int i = 1; i <= 9; i++) {
            String organisation = i <= 7 ? GLEN : FIRTH;
            Instant at = now.minus(i <= 7 ? 5 : 200, ChronoUnit.DAYS);
            sends.add(new BarrierObserved(UUID.randomUUID().toString(), at, organisation,
                    LearningRecords.pseudonym("signal-" + i), "j-sig-" + i, "b-sig-" + i, THEME, ACTOR, 2));
        }
        // Someone at the glen who met another barrier, not this one.
        sends.add(new BarrierObserved(UUID.randomUUID().toString(), now.minus(5, ChronoUnit.DAYS),
                GLEN, LearningRecords.pseudonym("signal-10"), "j-sig-10", "b-sig-10", "housing", ACTOR, 2));
        Instant aConcluded = now.minus(3, ChronoUnit.DAYS);
        Instant bConcluded = now.minus(2, ChronoUnit.DAYS);
        Instant cConcluded = now.minus(150, ChronoUnit.DAYS);
        sends.add(experiment(GLEN, 1, THEME, "Asking the school for a named contact kept the exclusion meeting calm.", aConcluded));
        sends.add(experiment(GLEN, 2, null, "A lift to the hearing meant nobody missed it.", bConcluded));
        sends.add(experiment(FIRTH, 8, THEME, "Writing to the head teacher first got an answer in a week.", cConcluded));
        // Learning on another theme in a matching journey, and learning from a journey that never met this barrier.
        sends.add(experiment(GLEN, 3, "housing", "Not about this pattern: a housing experiment.", now.minus(1, ChronoUnit.DAYS)));
        sends.add(experiment(GLEN, 10, THEME, "Not about this pattern: a journey without this barrier.", now.minus(1, ChronoUnit.DAYS)));
        LearningRecords.send(sends.stream().map(send -> LearningRecords.record(ORG_A_TOPIC, send)).toArray(org.apache.kafka.clients.producer.ProducerRecord[]::new));

        String key = EvidenceSignal.patternKey(THEME, ACTOR);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> forPattern = RealKafka.readAll(Topics.PLACE_EVIDENCE, Duration.ofSeconds(10))
                    .stream().filter(r -> key.equals(r.key())).toList();
            assertThat(forPattern).isNotEmpty();
            ConsumerRecord<String, byte[]> last = forPattern.get(forPattern.size() - 1);
            assertThat(new String(last.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("org.bothy.evidence.EvidenceSignal.v2");
            String payload = new String(last.value(), StandardCharsets.UTF_8);
            EvidenceSignal signal = (EvidenceSignal) ContractCodec.standard().fromRecord(last);

            // 7 in 30 and 90 days are shown; the year's 9 is 2 above the 7 shown, so it is hidden, and so is the
            // total of 9: otherwise "9 - 7" would say two people were seen only long ago.
            assertThat(signal.windows()).containsExactly(
                    new WindowCount(30, DisclosedCount.of(7), DisclosedCount.of(1)),
                    new WindowCount(90, DisclosedCount.of(7), DisclosedCount.of(1)),
                    new WindowCount(365, DisclosedCount.secondary(), DisclosedCount.of(2)));
            assertThat(signal.people()).isEqualTo(DisclosedCount.secondary());
            assertThat(signal.organisations()).isEqualTo(DisclosedCount.of(2));
            assertThat(payload).doesNotContain("\"value\":9");

            assertThat(signal.learning()).containsExactly(
                    new SharedLearning(GLEN, day(bConcluded), "A lift to the hearing meant nobody missed it."),
                    new SharedLearning(GLEN, day(aConcluded), "Asking the school for a named contact kept the exclusion meeting calm."),
                    new SharedLearning(FIRTH, day(cConcluded), "Writing to the head teacher first got an answer in a week."));
            assertThat(payload).doesNotContain("j-sig-").doesNotContain(LearningRecords.pseudonym("signal-1"));
        });
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static ExperimentConcluded experiment(String organisation, int person, String theme, String summary, Instant at) {
        return new ExperimentConcluded(UUID.randomUUID().toString(), at, organisation,
                LearningRecords.pseudonym("signal-" + person), "j-sig-" + person, "e-" + UUID.randomUUID(), theme, summary);
    }
}
