package org.ecawizard.engine;

/** The selection names no usable agencies: none, too many, or a blank or overlong code. */
public class InvalidSelectionException extends SelectionRefusedException {

    /** @param detail what was wrong and how to put it right */
    public InvalidSelectionException(String detail) {
        super(detail);
    }
}
