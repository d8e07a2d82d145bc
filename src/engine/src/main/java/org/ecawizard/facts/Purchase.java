package org.ecawizard.facts;

import java.util.List;

/**
 * A certificate to buy, as the rules conclude: one, or each of a covering set. Products, proofing, reasons and
 * warnings speak of what is purchased.
 *
 * @param summary what holding it means for the buyer, and {@code source} where that is stated
 * @param covers  the selected applications it is bought for
 */
public record Purchase(String type, String title, String summary, String source, List<String> covers) {
}
