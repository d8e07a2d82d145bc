/**
 * Rule files read, confined to the facts, compiled into a ruleset with the ECA CAs its trust store holds, and run. For a back end: {@link
 * org.ecawizard.ruleset.RuleProblem} (something wrong at a file and line), {@link
 * org.ecawizard.ruleset.InvalidRulesetException}, {@link org.ecawizard.ruleset.RulesDidNotSettleException} and
 * {@link org.ecawizard.ruleset.Conclusion} (a fact with the rule that concluded it). The rest is the engine's own.
 */
package org.ecawizard.ruleset;
