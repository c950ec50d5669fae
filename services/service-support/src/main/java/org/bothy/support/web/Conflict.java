package org.bothy.support.web;

/** Thrown when a request cannot be applied to the current state (e.g. accepting a dismissed candidate); 409. */
public class Conflict extends RuntimeException {

    public Conflict(String detail) {
        super(detail);
    }
}
