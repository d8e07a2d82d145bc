package org.ecawizard.advice;

import java.util.List;

/**
 * @param agencies    the agency codes the buyer selected; matched trimmed and case-insensitively
 * @param residesInUs whether the buyer lives in the U.S.; when absent, taken as yes
 */
public record RecommendationRequest(List<String> agencies, Boolean residesInUs) {
}
