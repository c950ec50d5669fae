package org.bothy.partner.issue;

import org.bothy.support.web.InvalidField;

/** An issue's version as an HTTP entity tag ({@code "3"}), and back from {@code If-Match}. */
final class IssueVersionTag {

    static final String HEADER = "If-Match";

    private IssueVersionTag() {
    }

    /** The ETag for {@code version}. */
    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} names; null when there is none; 400 when it is not an issue's ETag. */
    static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below as a refused header
        }
        throw new InvalidField(HEADER, "must be the ETag of the issue as last read, e.g. \"3\"");
    }

    /** The version an {@code If-Match} names, which this change requires. */
    static long required(String ifMatch) {
        Long version = parse(ifMatch);
        if (version == null) {
            throw new InvalidField(HEADER, "is required: send the ETag of the issue as last read, so that a "
                    + "change made since is not overwritten");
        }
        return version;
    }
}
