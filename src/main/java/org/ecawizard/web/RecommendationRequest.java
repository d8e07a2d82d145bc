package org.ecawizard.web;

import java.util.List;
import org.ecawizard.advice.Choice;

/**
 * @param agencies    the agency codes the buyer selected; matched trimmed and case-insensitively
 * @param residesInUs whether the buyer lives in the U.S.; when absent, taken as yes
 */
record RecommendationRequest(List<String> agencies, Boolean residesInUs) {

    Choice choice() {
        return Choice.of(agencies, residesInUs);
    }
}
