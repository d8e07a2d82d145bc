package org.ecawizard.facts;

import java.util.List;

/**
 * A certificate to buy, as the rules conclude: one, or each of a covering set. Products, proofing, reasons and
 * warnings speak of what is purchased.
 *
 * @param type    the certificate type's code, e.g. {@code MEDIUM_TOKEN_ASSURANCE}
 * @param title   its title, e.g. {@code ECA Medium Token Assurance}
 * @param summary what holding it means for the buyer
 * @param source  the address of the page {@code summary} rests on
 * @param covers  the selected applications it is bought for
 */
public record Purchase(String type, String title, String summary, String source, List<String> covers) {
}
