package org.ecawizard.facts;

/**
 * One thing a page says of one application: what an agency file writes, each part named where it is written.
 * <pre>{@code
 * insert(Evidence.that("JPAS").acceptsOnly("MEDIUM_TOKEN_ASSURANCE")
 *     .stated("accepts only DoD ECA Medium Token Assurance certificates")
 *     .source("https://www.identrust.com/wizard?nid=146"));
 * }</pre>
 * A statement names the application ({@link #that}), one stance, how it is known ({@link #stated} with the page's
 * words or {@link #inferred} with the analyst's reading) and the page ({@link #source}). The wizard's rules turn it
 * into the facts an answer is concluded from ({@link Accepts}, {@link Rejects}, {@link TakesNoEca}, ...); the gate
 * reads each statement as written and refuses, at its line, a part missing, repeated or unknown.
 *
 * @param agency     the application's code
 * @param stance     what the page says of it: {@code accepts}, {@code accepts-only}, {@code rejects},
 *                   {@code recommends}, {@code accepts-eca}, {@code accepts-any-type}, {@code requires-us-citizen},
 *                   {@code needs-no-eca}, {@code accepts-no-eca}, {@code retired} or {@code notice}
 * @param type       the certificate type's code, for the stances that name one
 * @param basis      {@code stated} or {@code inferred}
 * @param quote      the page's own words, when stated
 * @param reading    why the analyst reads the page so, when inferred
 * @param instead    what gets a buyer in instead, for an application that takes no ECA certificate
 * @param since      the date it was retired, yyyy-mm-dd
 * @param replacedBy the code of the application that replaced a retired one, or null
 * @param text       a notice's sentence, as the buyer reads it
 * @param source     the page's address
 */
public record Evidence(String agency, String stance, String type, String basis, String quote, String reading,
                       String instead, String since, String replacedBy, String text, String source) {

    /**
     * @param agency the application's code, the same as its file's name
     * @return the start of a statement about it
     */
    public static Evidence that(String agency) {
        return new Evidence(agency, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param type a certificate type's code
     * @return the page says the application accepts certificates of this type
     */
    public Evidence accepts(String type) {
        return withStance("accepts", type);
    }

    /**
     * @param type a certificate type's code
     * @return the page says the application accepts this type and no other: the rules reject the others
     */
    public Evidence acceptsOnly(String type) {
        return withStance("accepts-only", type);
    }

    /**
     * @param type a certificate type's code
     * @return the page says the application does not accept this type
     */
    public Evidence rejects(String type) {
        return withStance("rejects", type);
    }

    /**
     * @param type a certificate type's code
     * @return the application's own page recommends this type
     */
    public Evidence recommends(String type) {
        return withStance("recommends", type);
    }

    /** @return the page says the application takes ECA certificates, naming no type */
    public Evidence acceptsEca() {
        return withStance("accepts-eca", null);
    }

    /** @return the entry names no application, so any ECA type will do for it */
    public Evidence acceptsAnyType() {
        return withStance("accepts-any-type", null);
    }

    /** @return the page says the application takes only certificates that show a U.S. citizen */
    public Evidence requiresUsCitizen() {
        return withStance("requires-us-citizen", null);
    }

    /** @return the application asks for no ECA certificate: nothing to buy for it ({@link #instead} says what) */
    public Evidence needsNoEca() {
        return withStance("needs-no-eca", null);
    }

    /** @return an ECA certificate will not get a buyer in: every type is rejected ({@link #instead} says what will) */
    public Evidence acceptsNoEca() {
        return withStance("accepts-no-eca", null);
    }

    /**
     * @param since the date, yyyy-mm-dd
     * @return the application was retired on that date
     */
    public Evidence retired(String since) {
        return new Evidence(agency, "retired", type, basis, quote, reading, instead, since, replacedBy, text, source);
    }

    /**
     * @param text the sentence, as the buyer reads it
     * @return a sentence about the application the wizard shows when it is selected
     */
    public Evidence notice(String text) {
        return new Evidence(agency, "notice", type, basis, quote, reading, instead, since, replacedBy, text, source);
    }

    /**
     * @param quote the page's own words, short
     * @return the page says it, in these words
     */
    public Evidence stated(String quote) {
        return new Evidence(agency, stance, type, Basis.STATED, quote, reading, instead, since, replacedBy, text, source);
    }

    /**
     * @param reading why the page is read so: it does not say it
     * @return the analyst reads it from the page
     */
    public Evidence inferred(String reading) {
        return new Evidence(agency, stance, type, Basis.INFERRED, quote, reading, instead, since, replacedBy, text, source);
    }

    /**
     * @param what what gets a buyer in instead of an ECA certificate
     * @return the statement with it
     */
    public Evidence instead(String what) {
        return new Evidence(agency, stance, type, basis, quote, reading, what, since, replacedBy, text, source);
    }

    /**
     * @param code the code of the application that replaced a retired one
     * @return the statement with it
     */
    public Evidence replacedBy(String code) {
        return new Evidence(agency, stance, type, basis, quote, reading, instead, since, code, text, source);
    }

    /**
     * @param address the page's exact address, as listed in SOURCES.md
     * @return the statement with its page
     */
    public Evidence source(String address) {
        return new Evidence(agency, stance, type, basis, quote, reading, instead, since, replacedBy, text, address);
    }

    private Evidence withStance(String stance, String type) {
        return new Evidence(agency, stance, type, basis, quote, reading, instead, since, replacedBy, text, source);
    }
}
