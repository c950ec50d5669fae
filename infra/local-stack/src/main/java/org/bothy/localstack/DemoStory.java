package org.bothy.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bothy.devidentity.DevIssuer;
import org.bothy.devidentity.DevRole;

/**
 * A fictional North Edinburgh story, told through the partner services' own HTTP APIs by their workers, so that
 * the place sees patterns and one crosses the escalation threshold. Every name and date here is invented.
 *
 * <p>The story: council tax arrears chased by council revenues keep surfacing at three different doors; Universal
 * Credit's five-week wait shows up across the partners; a few private tenancies are at risk; and one young man,
 * Callum, comes through two doors, which the place sees as one person going round.
 */
public final class DemoStory {

    /** One person met at one partner's door, and the barriers met together. */
    public record Visit(String organisation, String fullName, String dateOfBirth, String door, List<Barrier> barriers) {
    }

    /** A barrier as a worker records it; the note is private and fictional. */
    public record Barrier(String theme, String systemActor, int level, String note) {
    }

    /** The demo visits, in the order the workers record them. */
    public static final List<Visit> VISITS = List.of(
            new Visit("fresh-start", "Kirsty Anderson", "1987-03-14", "drop-in", List.of(
                    new Barrier("debt", "council-revenues", 2, "Council tax arrears passed to sheriff officers while her claim was being assessed."),
                    new Barrier("welfare-benefits", "universal-credit", 2, "Five-week wait; advance repayments leave her short every month."))),
            new Visit("fresh-start", "Darren Hughes", "1979-11-02", "outreach", List.of(
                    new Barrier("debt", "council-revenues", 2, "Liability order issued for a flat he had already left."),
                    new Barrier("housing", "private-landlord", 1, "Notice to leave after asking for repairs."))),
            new Visit("move-on", "Callum Reid", "2004-06-21", "referral", List.of(
                    new Barrier("debt", "council-revenues", 2, "First tenancy; council tax bill arrived without the single person discount."),
                    new Barrier("housing", "private-landlord", 1, "Deposit withheld with no reason given."))),
            new Visit("spartans", "Shona Paterson", "1995-09-30", "walk-in", List.of(
                    new Barrier("debt", "council-revenues", 2, "Arrears from a previous address now taken from her wages."),
                    new Barrier("mental-health", "mental-health-services", 2, "Eleven weeks on the waiting list after a crisis referral."))),
            new Visit("north-edinburgh-arts", "Megan Fraser", "1990-01-08", "community-cafe", List.of(
                    new Barrier("welfare-benefits", "universal-credit", 2, "Sanctioned for a missed appointment she was never told about."),
                    new Barrier("mental-health", "mental-health-services", 2, "Discharged from the community team without a plan."))),
            new Visit("move-on", "Ryan Murray", "2003-12-12", "outreach", List.of(
                    new Barrier("welfare-benefits", "universal-credit", 2, "Housing element stopped when he turned 22; no explanation."))),
            new Visit("fresh-start", "Callum Reid", "2004-06-21", "drop-in", List.of(
                    new Barrier("debt", "council-revenues", 2, "Same arrears as at Move On; now facing a bank arrestment."))),
            // The fifth person: the place shows fewer than 5 people only as "<5", so the pattern becomes visible,
            // and crosses the escalation threshold, here.
            new Visit("north-edinburgh-arts", "Jamie Wilson", "1982-04-17", "community-cafe", List.of(
                    new Barrier("debt", "council-revenues", 2, "Council tax reduction stopped after a change of hours; arrears demanded in full."))));

    private final JsonHttp http;
    private final DevIssuer issuer;
    private final Function<String, String> partnerUrl;
    private final PrintStream out;

    public DemoStory(JsonHttp http, DevIssuer issuer, Function<String, String> partnerUrl, PrintStream out) {
        this.http = http;
        this.issuer = issuer;
        this.partnerUrl = partnerUrl;
        this.out = out;
    }

    /** Tells the story unless {@code marker} says it was already told in this data folder. Returns whether it did. */
    public boolean tellOnce(Path marker, List<String> runningPartners) {
        if (Files.exists(marker)) {
            return false;
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        int journeys = 0;
        int barriers = 0;
        for (Visit visit : VISITS) {
            if (!runningPartners.contains(visit.organisation())) {
                continue;
            }
            String token = tokens.computeIfAbsent(visit.organisation(),
                    org -> issuer.mint(DevRole.WORKER, org, "demo-worker@" + org, Duration.ofMinutes(30)));
            String base = partnerUrl.apply(visit.organisation());
            JsonHttp.Reply opened = http.post(base + "/journeys", token, Map.of(
                    "person", Map.of("fullName", visit.fullName(), "dateOfBirth", visit.dateOfBirth()),
                    // everyone in the story agreed to share pseudonymised learning; without it nothing is published
                    "consents", List.of("share-learning"),
                    "door", visit.door()));
            require(opened, 201, "open a journey at " + visit.organisation());
            String journeyId = opened.json().path("journeyId").asText();
            journeys++;
            for (Barrier barrier : visit.barriers()) {
                JsonHttp.Reply recorded = http.post(base + "/journeys/" + journeyId + "/barriers", token, Map.of(
                        "theme", barrier.theme(), "systemActor", barrier.systemActor(),
                        "level", barrier.level(), "note", barrier.note()));
                require(recorded, 201, "record a barrier at " + visit.organisation());
                barriers++;
            }
        }
        try {
            Files.writeString(marker, "demo story told at " + Instant.now() + ": " + journeys + " journeys, "
                    + barriers + " barriers\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
        out.printf("Demo data: %d journeys and %d barriers recorded by workers at %s%n", journeys, barriers, tokens.keySet());
        return true;
    }

    private static void require(JsonHttp.Reply reply, int status, String what) {
        if (reply.status() != status) {
            // the reply is a problem document from our own service: it names fields and reasons, never personal data
            throw new IllegalStateException("demo data: could not " + what + ": HTTP " + reply.status() + " " + reply.body());
        }
    }
}
