package org.ecawizard.recommendations;

import java.util.List;
import org.ecawizard.engine.Choice;

/**
 * What the buyer asks a recommendation for: the agency applications they must reach, where they live and whether
 * they are a U.S. citizen.
 *
 * @param agencies    the agency codes the buyer selected; matched trimmed and case-insensitively
 * @param residesInUs whether the buyer lives in the U.S.; when absent, taken as yes. It picks the products and the
 *                    proofing route
 * @param usCitizen   whether the buyer is a U.S. citizen; optional. Some applications take only U.S. citizens: when
 *                    absent, the answer says so where it matters instead of assuming
 */
record RecommendationRequest(List<String> agencies, Boolean residesInUs, Boolean usCitizen) {

    Choice choice() {
        return Choice.of(agencies, residesInUs, usCitizen);
    }
}
