package org.bothy.support.web;

import java.net.URI;

/** The {@code type} URIs of the problems Bothy services answer with, all under {@code https://bothy.org/problems/}. */
public final class ProblemTypes {

    /** Where every problem type lives. */
    public static final String BASE = "https://bothy.org/problems/";

    public static final String INVALID_REQUEST = BASE + "invalid-request";
    public static final String UNREADABLE_REQUEST = BASE + "unreadable-request";
    public static final String UNKNOWN_CODE = BASE + "unknown-code";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String CONFLICT = BASE + "conflict";
    public static final String UNAUTHENTICATED = BASE + "unauthenticated";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";
    public static final String INTERNAL = BASE + "internal-error";
    public static final String HTTP = BASE + "http-";

    private ProblemTypes() {
    }

    /** The type URI named {@code slug}. */
    public static URI of(String slug) {
        return URI.create(slug.startsWith(BASE) ? slug : BASE + slug);
    }
}
