package org.bothy.escalation.accountability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bothy.escalation.Disclosure;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.privacy.DisclosureControl;

/** Works out the accountability figures from the escalation records: plain arithmetic, no storage, no framework. */
public final class AccountabilityFigures {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private final Codes codes;
    private final DisclosureControl disclosure;

    public AccountabilityFigures(Codes codes, DisclosureControl disclosure) {
        this.codes = codes;
        this.disclosure = disclosure;
    }

    /** The figures for every body that has received an escalation, as of {@code today}, in the code list's order. */
    public Accountability of(List<EscalationRecord> records, LocalDate today, Instant generatedAt) {
        Map<String, List<EscalationRecord>> byBody = new LinkedHashMap<>();
        codes.statutoryBodies().forEach(body -> byBody.put(body.code(), new ArrayList<>()));
        for (EscalationRecord record : records) {
            byBody.computeIfAbsent(record.body(), body -> new ArrayList<>()).add(record);
        }
        List<Accountability.BodyFigures> bodies = new ArrayList<>();
        byBody.forEach((body, received) -> {
            if (!received.isEmpty()) {
                bodies.add(figures(body, received, today));
            }
        });
        List<Accountability.Commitment> log = records.stream()
                .filter(EscalationRecord::committed)
                .sorted(Comparator.comparing(EscalationRecord::commitBy).thenComparing(EscalationRecord::escalationId))
                .map(record -> commitment(record, today))
                .toList();
        return new Accountability(today, bodies, log, Disclosure.note(disclosure), generatedAt);
    }

    private Accountability.BodyFigures figures(String body, List<EscalationRecord> received, LocalDate today) {
        List<Double> toAcknowledge = days(received, EscalationRecord::acknowledgedAt);
        List<Double> toRespond = days(received, EscalationRecord::firstResponseAt);
        int kept = 0;
        int notKept = 0;
        int due = 0;
        for (EscalationRecord record : received) {
            if (record.committed()) {
                switch (state(record, today)) {
                    case "KEPT" -> kept++;
                    case "DUE" -> due++;
                    default -> notKept++;
                }
            }
        }
        return new Accountability.BodyFigures(
                body,
                codes.statutoryBody(body).label(),
                received.size(),
                toAcknowledge.size(),
                median(toAcknowledge),
                toRespond.size(),
                median(toRespond),
                (int) received.stream().filter(r -> r.firstResponseAt() != null && r.respondedLate()).count(),
                (int) received.stream().filter(r -> overdueNow(r, today)).count(),
                (int) received.stream().filter(EscalationRecord::declined).count(),
                (int) received.stream().filter(EscalationRecord::committed).count(),
                kept,
                notKept,
                due);
    }

    /** Awaiting a first answer, still with this body, and past its due date (or marked overdue by its deadline). */
    static boolean overdueNow(EscalationRecord record, LocalDate today) {
        return record.firstResponseAt() == null && !record.ended()
                && (record.overdueAt() != null || record.dueBy().isBefore(today));
    }

    static String state(EscalationRecord record, LocalDate today) {
        if (Boolean.TRUE.equals(record.commitmentKept())) {
            return "KEPT";
        }
        if (Boolean.FALSE.equals(record.commitmentKept())) {
            return "LATE";
        }
        return record.commitBy().isBefore(today) ? "PAST_DUE" : "DUE";
    }

    /** The median of {@code values} to one decimal place (the mean of the middle two for an even count), or null. */
    static BigDecimal median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP);
    }

    private static List<Double> days(List<EscalationRecord> records,
                                     java.util.function.Function<EscalationRecord, Instant> until) {
        return records.stream()
                .filter(record -> until.apply(record) != null)
                .map(record -> Duration.between(record.raisedAt(), until.apply(record)).toSeconds() / SECONDS_PER_DAY)
                .toList();
    }

    private Accountability.Commitment commitment(EscalationRecord record, LocalDate today) {
        return new Accountability.Commitment(
                record.escalationId(),
                record.body(),
                codes.statutoryBody(record.body()).label(),
                record.theme(),
                record.systemActor(),
                codes.theme(record.theme()).label() + " caused by " + codes.systemActor(record.systemActor()).label(),
                disclosure.show(record.people(), record.peopleShown()),
                record.question(),
                record.commitment(),
                record.commitBy(),
                record.changeDescription(),
                record.changeMadeOn(),
                state(record, today),
                record.verdict());
    }
}
