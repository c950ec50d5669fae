package org.bothy.support.web;

/** Thrown when what a request names does not exist (or is not visible to the caller); answered as 404. */
public class NotFound extends RuntimeException {

    public NotFound(String detail) {
        super(detail);
    }
}
