package org.bothy.place.tally;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How exact counts of distinct people move when the organisations that saw a person (in one scope: a pattern, or the
 * whole place) change: per scope and organisation, the people it saw and how many of them another organisation saw
 * too; per scope, the people any organisation saw. Worked out from each person's organisations before and after, so
 * the counts never need a scan of the rows behind them.
 *
 * @param <S> what a count is kept for (a pattern; or one scope for the whole place)
 */
public final class TallyChange<S> {

    /** A person (by pseudonym) seen by an organisation in a scope: one row of the table a tally rests on. */
    public record Seen<S>(S scope, String pseudonym, String organisation) {
    }

    /**
     * The change made by rows {@code changed}, just added (or just taken away), given every row now held for the
     * same people and scopes ({@code now}, read after the change in the same transaction).
     */
    public static <S> TallyChange<S> of(Collection<Seen<S>> changed, boolean added, Collection<Seen<S>> now) {
        Map<List<Object>, Set<String>> after = new HashMap<>();
        Map<List<Object>, S> scopeOf = new HashMap<>();
        for (Seen<S> seen : changed) {
            List<Object> person = List.of(seen.scope(), seen.pseudonym());
            after.computeIfAbsent(person, k -> new HashSet<>());
            scopeOf.put(person, seen.scope());
        }
        for (Seen<S> seen : now) {
            Set<String> organisations = after.get(List.of(seen.scope(), seen.pseudonym()));
            if (organisations != null) {
                organisations.add(seen.organisation());
            }
        }
        Map<List<Object>, Set<String>> before = new HashMap<>();
        after.forEach((person, organisations) -> before.put(person, new HashSet<>(organisations)));
        for (Seen<S> seen : changed) {
            Set<String> organisations = before.get(List.of(seen.scope(), seen.pseudonym()));
            if (added) {
                organisations.remove(seen.organisation());
            } else {
                organisations.add(seen.organisation());
            }
        }
        TallyChange<S> change = new TallyChange<>();
        after.forEach((person, organisations) -> change.person(scopeOf.get(person), before.get(person), organisations));
        return change;
    }

    /** The change of one scope's count at one organisation. */
    public record AtOrganisation<S>(S scope, String organisation, long people, long seenElsewhereToo) {
    }

    /** The change of one scope's count across organisations. */
    public record Overall<S>(S scope, long people) {
    }

    // Ordered, so that concurrent writers update tally rows in the same order and cannot deadlock.
    private final Map<String, long[]> atOrganisation = new TreeMap<>();
    private final Map<String, S> scopes = new TreeMap<>();
    private final Map<String, long[]> overall = new TreeMap<>();
    private final Map<String, String> organisations = new TreeMap<>();

    /** One person's organisations in {@code scope} changed from {@code before} to {@code after}. */
    public void person(S scope, Set<String> before, Set<String> after) {
        String scopeKey = scope.toString();
        scopes.put(scopeKey, scope);
        Set<String> touched = new HashSet<>(before);
        touched.addAll(after);
        for (String organisation : touched) {
            boolean was = before.contains(organisation);
            boolean is = after.contains(organisation);
            long people = (is ? 1 : 0) - (was ? 1 : 0);
            long elsewhere = (is && after.size() >= 2 ? 1 : 0) - (was && before.size() >= 2 ? 1 : 0);
            if (people != 0 || elsewhere != 0) {
                String key = scopeKey + '\u0000' + organisation;
                organisations.put(key, organisation);
                long[] sum = atOrganisation.computeIfAbsent(key, k -> new long[2]);
                sum[0] += people;
                sum[1] += elsewhere;
            }
        }
        long people = (after.isEmpty() ? 0 : 1) - (before.isEmpty() ? 0 : 1);
        if (people != 0) {
            overall.computeIfAbsent(scopeKey, k -> new long[1])[0] += people;
        }
    }

    /** Every non-zero change per scope and organisation, in a stable order. */
    public List<AtOrganisation<S>> atOrganisations() {
        return atOrganisation.entrySet().stream()
                .filter(change -> change.getValue()[0] != 0 || change.getValue()[1] != 0)
                .map(change -> new AtOrganisation<>(scopes.get(scopeKey(change.getKey())),
                        organisations.get(change.getKey()), change.getValue()[0], change.getValue()[1]))
                .toList();
    }

    /** Every non-zero change per scope, in a stable order. */
    public List<Overall<S>> overall() {
        return overall.entrySet().stream()
                .filter(change -> change.getValue()[0] != 0)
                .map(change -> new Overall<>(scopes.get(change.getKey()), change.getValue()[0]))
                .sorted(Comparator.comparing(change -> change.scope().toString()))
                .toList();
    }

    private static String scopeKey(String key) {
        return key.substring(0, key.indexOf('\u0000'));
    }
}
