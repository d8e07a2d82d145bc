package org.ecawizard.delivery;

import org.ecawizard.engine.InvalidRulesetException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells an analyst, without a stack trace, why the service did not start on their rules. */
class InvalidRulesetFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRulesetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidRulesetException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the rule files at the lines above (each line is file:line:column: message) and start again.",
                cause);
    }
}
