package org.bothy.escalation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.bothy.kernel.codes.Codes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

class RulesTest {

    private static final CandidateRule FALLBACK = new CandidateRule(3, 2, 90);
    private static final Codes CODES = Codes.northEdinburgh();

    private static CandidateRules read(String yaml) {
        return RulesFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), FALLBACK, CODES);
    }

    @Test
    void theMostSpecificRuleForAPatternApplies() {
        CandidateRules rules = read("""
                default: {minPeople: 4}
                rules:
                  - {theme: housing, minPeople: 6}
                  - {systemActor: private-landlord, minOrganisations: 3}
                  - {theme: housing, systemActor: private-landlord, minPeople: 8, windowDays: 30}
                """);
        assertThat(rules.ruleFor("housing", "private-landlord")).isEqualTo(new CandidateRule(8, 2, 30));
        assertThat(rules.ruleFor("debt", "private-landlord")).isEqualTo(new CandidateRule(4, 3, 90));
        assertThat(rules.ruleFor("housing", "council-housing")).isEqualTo(new CandidateRule(6, 2, 90));
        assertThat(rules.ruleFor("debt", "gp")).isEqualTo(new CandidateRule(4, 2, 90));
    }

    @Test
    void aFileWithMistakesIsRefusedWithEveryReason() {
        assertThatThrownBy(() -> read("""
                rules:
                  - {theme: no-such-theme, minPeople: 2}
                  - {minPeople: 2}
                  - {systemActor: gp, minPeople: -1}
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules[0]: ")
                .hasMessageContaining("no-such-theme")
                .hasMessageContaining("rules[1]: names neither a theme nor a systemActor")
                .hasMessageContaining("rules[2].minPeople: must be a positive whole number");
    }

    @Test
    void theShippedRulesRead() throws Exception {
        Rules rules = new Rules(new RulesSettings(new ClassPathResource("rules/escalation-rules.yaml"), Duration.ofSeconds(5)),
                FALLBACK, CODES);
        // No shipped rule asks for fewer people than the place's disclosure threshold: it could not see them.
        assertThat(rules.current().ruleFor("welfare-benefits", "scottish-welfare-fund").minPeople()).isEqualTo(5);
        assertThat(rules.current().ruleFor("welfare-benefits", "scottish-welfare-fund").minOrganisations()).isEqualTo(1);
        assertThat(rules.current().ruleFor("housing", "council-housing")).isEqualTo(FALLBACK);
    }

    @Test
    void aChangedFileIsReloadedWithoutARestartAndABadOneLeavesTheRulesInForce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "default: {minPeople: 3}\n");
        Rules rules = new Rules(new RulesSettings(new FileSystemResource(file), Duration.ofMillis(50)), FALLBACK, CODES);
        rules.start();
        try {
            assertThat(rules.current().ruleFor("housing", "gp").minPeople()).isEqualTo(3);

            write(file, "default: {minPeople: 7}\nrules:\n  - {systemActor: gp, minPeople: 9}\n", 10);
            await().atMost(Duration.ofSeconds(10)).until(() -> rules.current().ruleFor("housing", "gp").minPeople() == 9);
            assertThat(rules.current().ruleFor("housing", "police").minPeople()).isEqualTo(7);

            write(file, "default: {minPeople: zero}\n", 20);
            assertThat(rules.reloadIfChanged()).isFalse();
            assertThat(rules.current().ruleFor("housing", "gp").minPeople()).as("the previous rules stay").isEqualTo(9);
        } finally {
            rules.stop();
        }
    }

    private static void write(Path file, String yaml, int secondsLater) throws Exception {
        Files.writeString(file, yaml);
        // a distinct modification time, whatever the file system's resolution
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }
}
