package org.ecawizard.engine.internal.ruleset;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.facts.Evidence;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * What each agency's own file states of it, derived once per ruleset by that file's rules when the catalog is read
 * (each agency selected alone). An agency file's rule matches its application's selection and nothing else, and
 * writes only {@link Evidence}, which cannot change; so a request can start from these statements instead of firing
 * the files again, and fire only the wizard's rules. The gate proves both ways give the same answers.
 */
final class AgencyEvidence {

    /**
     * One agency's statements, each with the rule that wrote it, and its file's rules as they fired.
     *
     * @param firing where its file's rules come when several agencies' rules are due at once: the rule base fires
     *               rules of the same salience in the order it loaded them
     */
    record Stated(List<Conclusion<Evidence>> statements, List<RuleLocation> fired, int firing) {
    }

    private final Map<String, Stated> byAgency;
    private final Set<Rule> agencyRules;
    private final AgendaFilter wizardRulesOnly;

    /**
     * @param byAgency    each agency's statements, by code
     * @param agencyRules the rules of the agency files, as the rule base holds them
     */
    AgencyEvidence(Map<String, Stated> byAgency, Set<Rule> agencyRules) {
        this.byAgency = Map.copyOf(byAgency);
        this.agencyRules = Collections.newSetFromMap(new IdentityHashMap<>());
        this.agencyRules.addAll(agencyRules);
        this.wizardRulesOnly = match -> !this.agencyRules.contains(match.getRule());
    }

    /** @return the agency's statements, or null when the catalog does not hold it */
    Stated of(String agency) {
        return byAgency.get(agency);
    }

    /** @return lets every rule fire but those of the agency files, whose statements a request is given */
    AgendaFilter wizardRulesOnly() {
        return wizardRulesOnly;
    }
}
