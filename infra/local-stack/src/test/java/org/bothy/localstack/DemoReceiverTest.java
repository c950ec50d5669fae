package org.bothy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bothy.kernel.webhooks.WebhookSignature;
import org.junit.jupiter.api.Test;

class DemoReceiverTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"e-1","type":"org.bothy.escalation.EscalationRaised.v2","source":"/bothy/escalation",
             "data":{"escalationId":"esc-1","theme":"debt","systemActor":"council-revenues","peopleShown":"<5","organisations":2,
                     "question":"Will recovery pause?"}}""";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void a_signed_webhook_is_accepted_and_listed_and_a_forged_one_is_refused() throws Exception {
        String secret = WebhookSignature.newSecret();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int port = Ports.free(List.of()).receiver();
        try (DemoReceiver receiver = DemoReceiver.start(port, Map.of("dwp", secret),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            long now = Instant.now().getEpochSecond();
            byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);

            assertThat(post(receiver.urlFor("dwp"), "e-1", now, WebhookSignature.sign(secret, "e-1", now, body), body))
                    .isEqualTo(204);
            assertThat(post(receiver.urlFor("dwp"), "e-2", now,
                    WebhookSignature.sign(WebhookSignature.newSecret(), "e-2", now, body), body)).isEqualTo(401);
            assertThat(post(receiver.urlFor("nhs-lothian"), "e-3", now, "v1,x", body)).isEqualTo(404);

            assertThat(receiver.deliveries()).extracting(DemoReceiver.Delivery::webhookId, DemoReceiver.Delivery::verified)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("e-1", true),
                            org.assertj.core.groups.Tuple.tuple("e-2", false));
            String listed = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(listed).contains("\"webhookId\":\"e-1\"").contains("esc-1");
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("escalation esc-1 verified")
                    .contains("<5 people across 2 organisations")
                    .contains("REFUSED");
        }
    }

    private int post(String url, String id, long timestamp, String signature, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url))
                .header(WebhookSignature.WEBHOOK_ID, id)
                .header(WebhookSignature.WEBHOOK_TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.WEBHOOK_SIGNATURE, signature)
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
