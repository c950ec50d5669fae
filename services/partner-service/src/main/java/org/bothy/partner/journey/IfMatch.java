package org.bothy.partner.journey;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bothy.support.web.InvalidField;

/** Reads the journey version a worker last saw from an {@code If-Match} header, as the journey's ETag gave it. */
public final class IfMatch {

    /** The request header's name. */
    public static final String HEADER = "If-Match";

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private IfMatch() {
    }

    /** The expected version, or null when the header is absent or {@code *} (any version will do). */
    public static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw new InvalidField(HEADER, "must be the journey's ETag, a version in quotes such as \"4\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The ETag of a journey at {@code version}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
