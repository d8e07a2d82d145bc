package org.ecawizard.facts;

/**
 * The path a held certificate was validated on, from its issuing CA to an ECA root of the ruleset's trust store, as
 * the names in their certificates give them.
 *
 * @param ca           the common name of the CA that signed the certificate, e.g. {@code IdenTrust ECA S23}
 * @param caNotAfter   the last day of the issuing CA's certificate, {@code yyyy-mm-dd}
 * @param caDaysLeft   the days from today to that day
 * @param root         the common name of the root the path ends at, e.g. {@code ECA Root CA 4}
 * @param rootNotAfter the last day of the root's certificate, {@code yyyy-mm-dd}
 * @param rootDaysLeft the days from today to that day
 */
public record HeldChain(String ca, String caNotAfter, long caDaysLeft, String root, String rootNotAfter,
                        long rootDaysLeft) {
}
