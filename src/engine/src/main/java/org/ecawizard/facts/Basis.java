package org.ecawizard.facts;

/** How a fact about an application is known: the two values of every evidence fact's {@code basis}. */
final class Basis {

    /** The page says it, in the words quoted. */
    static final String STATED = "stated";
    /** The analyst reads it from a page that does not say it, for the reason given. */
    static final String INFERRED = "inferred";

    private Basis() {
    }
}
