package org.bothy.partner.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.bothy.kernel.contract.referral.ReferralDeclined;
import org.bothy.partner.PartnerServiceApplication;
import org.bothy.testsupport.RealPostgres;
import org.bothy.testsupport.StuckService;
import org.bothy.testsupport.TestIdentity;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A partner service whose broker has gone away stops promptly: the referral relay's round in flight (waiting for a
 * broker that never answers) is cut short rather than waited out, its thread ends, and the referral event stays in the
 * outbox to be sent after the next start. A stop is not a failure: the relay does not warn that the event was not sent.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReferralRelayStopTest {

    private static final String DATABASE = "partner_relay_stop_test";
    /** Far above the round's grace (5 s), and below the 30 s Spring's scheduler waited for the round in flight. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Closed after each test unless the test has closed it itself (and set it to null). */
    @AutoClose
    private ConfigurableApplicationContext running;

    @Test
    void aRoundTheBrokerNeverAnswersDoesNotHoldUpTheStop(CapturedOutput output) throws Exception {
        running = start(StuckService.nobodyListening());
        String eventId = UUID.randomUUID().toString();
        running.getBean(ReferralOutbox.class).add(new ReferralDeclined(eventId, Instant.now(),
                UUID.randomUUID().toString(), "move-on", "fresh-start", "We have no place this month."));
        // other test classes' services in this JVM run relays of their own
        Thread relay = await().atMost(Duration.ofSeconds(30)).until(ReferralRelayStopTest::relayWaitingForTheBroker,
                Objects::nonNull);

        ConfigurableApplicationContext closing = running;
        running = null;
        assertThat(StuckService.closesWithin(closing, BOUND.toMillis())).as("the service closed within %s", BOUND).isTrue();
        assertThat(relay.isAlive()).as("the relay's thread has ended").isFalse();
        assertThat(JdbcClient.create(RealPostgres.dataSource(DATABASE))
                .sql("select count(*) from referral_outbox where event_id = ?").param(eventId).query(Long.class).single())
                .as("the event was never acknowledged, so it waits to be sent after the next start").isEqualTo(1);
        assertThat(output.getAll()).as("the stop is not reported as a failure to send")
                .doesNotContain("referral event " + eventId + " not sent yet");
    }

    /** The thread in the relay's round, waiting for a broker that never answers; null while there is none. */
    private static Thread relayWaitingForTheBroker() {
        return StuckService.waitingForTheBroker((thread, stack) -> Arrays.stream(stack).anyMatch(frame ->
                frame.getClassName().equals(ReferralOutbox.class.getName()) && frame.getMethodName().equals("relay")));
    }

    private static ConfigurableApplicationContext start(String bootstrapServers) {
        return new SpringApplicationBuilder(PartnerServiceApplication.class).run(
                "--server.port=0",
                "--bothy.organisation=move-on",
                "--bothy.pseudonym-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--spring.datasource.url=" + RealPostgres.jdbcUrl(DATABASE),
                "--spring.datasource.username=" + RealPostgres.username(),
                "--spring.datasource.password=" + RealPostgres.password(),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                // topics cannot be created where there is no broker; asking would only delay the start
                "--spring.kafka.admin.auto-create=false",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIdentity.jwksUri());
    }
}
