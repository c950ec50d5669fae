package org.bothy.escalation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bothy.kernel.privacy.DisclosureControl;

/**
 * The rule for what place leads write to a statutory body (the question, a verdict's note, the reason for moving an
 * escalation): it may not quote a count of people below the disclosure threshold ("3 people", "two families"), which
 * no feed would show as a number. It catches a count written next to the people it counts, in figures or in words up
 * to twenty; it is a guard against a slip, not a parser of every sentence.
 */
public final class QuotedCounts {

    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20));

    // a count, up to two words between it and whom it counts ("3 young people", "two more families")
    private static final Pattern COUNT_OF_PEOPLE = Pattern.compile("\\b(\\d{1,9}|" + String.join("|", WORDS.keySet())
            + ")\\s+(?:[a-z-]+\\s+){0,2}?(people|persons?|individuals?|residents?|tenants?|clients?|families|family"
            + "|households?|men|women|children|child|pupils?|claimants?|patients?|adults?|parents?|carers?)\\b",
            Pattern.CASE_INSENSITIVE);

    private QuotedCounts() {
    }

    /** Why {@code text} may not go to a body as written, or empty if it quotes no count of people below the threshold. */
    public static Optional<String> problem(String text, DisclosureControl disclosure) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = COUNT_OF_PEOPLE.matcher(text);
        while (matcher.find()) {
            String number = matcher.group(1).toLowerCase(Locale.ROOT);
            long count = Character.isDigit(number.charAt(0)) ? Long.parseLong(number) : WORDS.get(number);
            if (disclosure.isSmall(count)) {
                return Optional.of("quotes a count of people below the disclosure threshold (\"" + matcher.group()
                        + "\"); write " + disclosure.smallMark() + " or \"fewer than " + disclosure.threshold() + "\"");
            }
        }
        return Optional.empty();
    }
}
