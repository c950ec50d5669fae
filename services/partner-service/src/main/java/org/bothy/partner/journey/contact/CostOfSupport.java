package org.bothy.partner.journey.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A journey's cost of support, always at hand: the small spend and the worker's time, by kind of contact, with the
 * sentence a worker would say ("£90.00, 6 visits, 9 calls, 5 h 40 min").
 */
public record CostOfSupport(
        long spendPence,
        String spend,
        int visits,
        int calls,
        int messages,
        int meetings,
        long minutes,
        String time,
        String summary) {

    /** The cost of the contacts recorded so far. */
    public static CostOfSupport of(List<ContactRecorded> contacts) {
        long pence = 0;
        long minutes = 0;
        int visits = 0;
        int calls = 0;
        int messages = 0;
        int meetings = 0;
        for (ContactRecorded contact : contacts) {
            pence += contact.spendPence();
            minutes += contact.minutes();
            switch (contact.kind()) {
                case "visit" -> visits++;
                case "call" -> calls++;
                case "message" -> messages++;
                case "meeting" -> meetings++;
                default -> {
                    // a kind the code list added later still counts in spend and time
                }
            }
        }
        String spend = pounds(pence);
        String time = time(minutes);
        List<String> parts = new ArrayList<>();
        parts.add(spend);
        count(parts, visits, "visit");
        count(parts, calls, "call");
        count(parts, messages, "message");
        count(parts, meetings, "meeting");
        parts.add(time);
        return new CostOfSupport(pence, spend, visits, calls, messages, meetings, minutes, time,
                String.join(", ", parts));
    }

    /** Pence as pounds, e.g. 9000 as {@code £90.00}. */
    static String pounds(long pence) {
        return String.format(Locale.UK, "£%,d.%02d", pence / 100, pence % 100);
    }

    /** Minutes as hours and minutes, e.g. 340 as {@code 5 h 40 min}. */
    static String time(long minutes) {
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    private static void count(List<String> parts, int count, String kind) {
        if (count > 0) {
            parts.add(count + " " + kind + (count == 1 ? "" : "s"));
        }
    }
}
