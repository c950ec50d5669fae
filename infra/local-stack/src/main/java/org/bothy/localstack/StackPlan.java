package org.bothy.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * What one run of the local stack starts: where its data lives, its ports, where the service jars are, which
 * partner organisations run, the escalation rule, and where statutory webhooks go.
 *
 * @param webhookBaseUrl each statutory body's webhook URL is this plus the body's code
 * @param demoReceiver   whether the launcher itself receives the webhooks (on {@code ports.receiver()})
 * @param demoData       whether to load the demo story (once per data folder)
 * @param classDataSharing whether services keep class-data archives in the data folder to start faster next time
 */
public record StackPlan(DataHome home, Ports ports, Path repository, List<String> partners, EscalationRule rule,
                        String webhookBaseUrl, boolean demoReceiver, boolean demoData, boolean classDataSharing) {

    /** The NESSie partners, in the order they are listed everywhere. */
    public static final List<String> NESSIE_PARTNERS = List.of("fresh-start", "move-on", "north-edinburgh-arts", "spartans");

    public StackPlan {
        partners = List.copyOf(partners);
    }

    /** The whole consortium on the published ports, as {@code ./bothy up} runs it. */
    public static StackPlan consortium(DataHome home, Path repository) {
        Ports ports = Ports.standard();
        return new StackPlan(home, ports, repository, NESSIE_PARTNERS, EscalationRule.demo(),
                "http://localhost:" + ports.receiver() + "/webhooks/", true, true, true);
    }

    /** The same plan without the demo story. */
    public StackPlan withoutDemoData() {
        return new StackPlan(home, ports, repository, partners, rule, webhookBaseUrl, demoReceiver, false, classDataSharing);
    }

    public Path jar(String service) {
        return repository.resolve("services").resolve(service).resolve("target")
                .resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
    }

    public static String partnerDatabase(String organisation) {
        return "partner_" + organisation.replace('-', '_');
    }

    public String partnerUrl(String organisation) {
        return "http://localhost:" + ports.partner(organisation);
    }

    public String placeUrl() {
        return "http://localhost:" + ports.place();
    }

    public String escalationUrl() {
        return "http://localhost:" + ports.escalation();
    }

    public String issuerUrl() {
        return "http://localhost:" + ports.issuer();
    }
}
