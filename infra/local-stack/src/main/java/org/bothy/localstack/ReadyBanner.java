package org.bothy.localstack;

import java.io.PrintStream;
import java.time.Duration;

/** What a person needs once the consortium is up: what runs where, how to get a token, how long it took. */
final class ReadyBanner {

    private final StackPlan plan;
    private final ConsortiumStack stack;

    ReadyBanner(StackPlan plan, ConsortiumStack stack) {
        this.plan = plan;
        this.stack = stack;
    }

    void print(PrintStream out, Duration timeToReady) {
        Ports ports = plan.ports();
        out.println();
        out.println("Bothy consortium ready in " + seconds(timeToReady) + " s.");
        out.println();
        out.println("  Partner services (REST API, Swagger UI at <url>/swagger-ui.html):");
        for (String org : plan.partners()) {
            out.printf("    %-22s %s%n", org, plan.partnerUrl(org));
        }
        out.printf("  %-24s %s   (GET /barriers)%n", "Place service", plan.placeUrl());
        out.printf("  %-24s %s   (GET /candidates, /escalations)%n", "Escalation service", plan.escalationUrl());
        stack.receiver().ifPresent(r ->
                out.printf("  %-24s http://localhost:%d/webhooks   (what the statutory bodies received)%n",
                        "Demo statutory receiver", r.port()));
        out.printf("  %-24s %s/.well-known/jwks.json%n", "Token issuer (JWKS)", plan.issuerUrl());
        out.printf("  %-24s localhost:%d   (KRaft, controller %d)%n", "Kafka", ports.kafka(), ports.controller());
        out.printf("  %-24s %s   (user postgres)%n", "PostgreSQL", stack.jdbcUrl("<database>"));
        out.printf("  %-24s %s%n", "Data folder", plan.home().root());
        out.printf("  %-24s %s%n", "Logs", plan.home().logs());
        out.println();
        out.println("  Tokens:  ./bothy token place-lead");
        out.println("           ./bothy token worker fresh-start");
        out.println("           ./bothy token statutory city-of-edinburgh-council");
        out.println("  Try:     curl -H \"Authorization: Bearer $(./bothy token place-lead)\" " + plan.escalationUrl() + "/candidates");
        out.println();
        out.println("Press Ctrl-C to stop everything.");
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
