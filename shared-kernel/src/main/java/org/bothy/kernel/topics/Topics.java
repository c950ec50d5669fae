package org.bothy.kernel.topics;

import java.util.regex.Pattern;

/** The consortium's Kafka topic names and the dead-letter header names. */
public final class Topics {

    /** Prefix of every partner's learning topic. */
    public static final String LEARNING_PREFIX = "bothy.learning.";
    /** Where learning records that are not valid contracts go, with the reason in {@link #DLT_REASON}. */
    public static final String LEARNING_DLT = "bothy.learning.dlt";
    /** Evidence signals from the place service, keyed (and compacted) by pattern key. */
    public static final String PLACE_EVIDENCE = "bothy.place.evidence";
    /** Prefix of each statutory body's evidence feed. */
    public static final String EVIDENCE_PREFIX = "bothy.evidence.";
    /** Referrals between partners, keyed by the receiving organisation. */
    public static final String REFERRALS = "bothy.referrals";

    /** Dead-letter header: why the record is not a valid contract. */
    public static final String DLT_REASON = "bothy_dlt_reason";
    /** Dead-letter header: the topic the record was read from. */
    public static final String DLT_TOPIC = "bothy_dlt_topic";
    /** Dead-letter header: the partition the record was read from. */
    public static final String DLT_PARTITION = "bothy_dlt_partition";
    /** Dead-letter header: the offset the record was read from. */
    public static final String DLT_OFFSET = "bothy_dlt_offset";

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    // "dlt" is reserved for the dead-letter topic, so the pattern leaves it out.
    private static final Pattern LEARNING_TOPICS = Pattern.compile("bothy\\.learning\\.(?!dlt$)[a-z0-9]+(-[a-z0-9]+)*");

    private Topics() {
    }

    /** The learning topic of one organisation, {@code bothy.learning.<org>}. */
    public static String learning(String organisation) {
        requireCode(organisation, "organisation");
        if ("dlt".equals(organisation)) {
            throw new IllegalArgumentException("organisation 'dlt' is reserved for " + LEARNING_DLT);
        }
        return LEARNING_PREFIX + organisation;
    }

    /** The evidence feed of one statutory body, {@code bothy.evidence.<body>}. */
    public static String evidence(String body) {
        requireCode(body, "body");
        return EVIDENCE_PREFIX + body;
    }

    /** Matches every organisation's learning topic, and not the dead-letter topic. */
    public static Pattern learningTopics() {
        return LEARNING_TOPICS;
    }

    private static void requireCode(String value, String what) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a code: lower-case letters, digits and single hyphens");
        }
    }
}
