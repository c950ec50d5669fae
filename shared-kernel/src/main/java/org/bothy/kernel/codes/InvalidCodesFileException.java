package org.bothy.kernel.codes;

/** A code list file that cannot be used: malformed, duplicated, or referring to something it does not define. */
public class InvalidCodesFileException extends IllegalArgumentException {

    public InvalidCodesFileException(String reason) {
        super("code list refused: " + reason);
    }

    public InvalidCodesFileException(String reason, Throwable cause) {
        super("code list refused: " + reason, cause);
    }
}
