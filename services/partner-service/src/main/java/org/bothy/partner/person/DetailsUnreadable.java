package org.bothy.partner.person;

/** Sealed details could not be opened: the key is gone, wrong, or the bytes were changed. */
public class DetailsUnreadable extends RuntimeException {

    public DetailsUnreadable(String reason) {
        super(reason);
    }
}
