package org.ecawizard.engine;

/** A selection that cannot be answered as given; the message says what was wrong and how to put it right. */
public abstract class SelectionRefusedException extends RuntimeException {

    /** @param message what was wrong and how to put it right */
    protected SelectionRefusedException(String message) {
        super(message);
    }
}
