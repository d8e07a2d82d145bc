package org.ecawizard.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The buyer's selection, the one input every caller gives (the API, scenarios, the gate, replay): agency codes
 * trimmed, upper case, each once, in the order given; residency decided; citizenship as the buyer gave it. Two
 * requests with the same choice get the same answer from the same ruleset.
 *
 * @param usCitizen whether the buyer is a U.S. citizen; null when they did not say
 */
public record Choice(List<String> agencies, boolean residesInUs, Boolean usCitizen) {

    /** The most entries a selection may have: far more than anyone ticks, few enough to answer at once. */
    public static final int MAX_AGENCIES = 100;
    /** The longest agency code accepted; longer text cannot be a code and is not echoed back. */
    public static final int MAX_CODE_LENGTH = 64;

    /**
     * Keeps its own copy of the codes; {@link #of} makes a choice of what a caller gave.
     *
     * @param agencies    agency codes, as the catalog has them
     * @param residesInUs whether the buyer lives in the U.S.
     * @param usCitizen   whether the buyer is a U.S. citizen; null when not said
     */
    public Choice {
        agencies = List.copyOf(agencies);
    }

    /**
     * A choice whose buyer did not say their citizenship.
     *
     * @param agencies    agency codes, as the catalog has them
     * @param residesInUs whether the buyer lives in the U.S.
     */
    public Choice(List<String> agencies, boolean residesInUs) {
        this(agencies, residesInUs, null);
    }

    /**
     * @param agencies    the codes as given; matched trimmed and case-insensitively
     * @param residesInUs whether the buyer lives in the U.S.; null is taken as yes
     * @return the choice, codes trimmed, upper case and each once; citizenship not said
     * @throws InvalidSelectionException when the selection is empty, too large, or has a blank or overlong code
     */
    public static Choice of(List<String> agencies, Boolean residesInUs) {
        return of(agencies, residesInUs, null);
    }

    /** @return what the rules see of the buyer's citizenship: {@code us}, {@code other} or {@code unstated} */
    public String citizenship() {
        return usCitizen == null ? "unstated" : usCitizen ? "us" : "other";
    }

    /**
     * @param agencies    the codes as given; matched trimmed and case-insensitively
     * @param residesInUs whether the buyer lives in the U.S.; null is taken as yes
     * @param usCitizen   whether the buyer is a U.S. citizen; null when not said
     * @return the choice, codes trimmed, upper case and each once
     * @throws InvalidSelectionException when the selection is empty, too large, or has a blank or overlong code
     */
    public static Choice of(List<String> agencies, Boolean residesInUs, Boolean usCitizen) {
        if (agencies == null || agencies.isEmpty()) {
            throw new InvalidSelectionException("Select at least one agency: name its code in agencies.");
        }
        if (agencies.size() > MAX_AGENCIES) {
            throw new InvalidSelectionException("The selection has " + agencies.size() + " entries; at most "
                    + MAX_AGENCIES + " are accepted.");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < agencies.size(); i++) {
            String code = agencies.get(i);
            if (code == null || code.isBlank()) {
                throw new InvalidSelectionException("agencies[" + i + "] is " + (code == null ? "null" : "blank")
                        + ": every entry must be an agency code.");
            }
            if (code.length() > MAX_CODE_LENGTH) {
                throw new InvalidSelectionException("agencies[" + i + "] has " + code.length()
                        + " characters; an agency code has at most " + MAX_CODE_LENGTH + ".");
            }
            codes.add(code.strip().toUpperCase(Locale.ROOT));
        }
        return new Choice(List.copyOf(codes), residesInUs == null || residesInUs, usCitizen);
    }
}
