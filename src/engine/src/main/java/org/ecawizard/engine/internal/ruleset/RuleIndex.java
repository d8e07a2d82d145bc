package org.ecawizard.engine.internal.ruleset;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.ecawizard.engine.RuleLocation;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/** Where every rule of a rule base is written, found once per build so that a trace costs a map lookup. */
final class RuleIndex {

    private final Map<String, RuleLocation> byRule = new HashMap<>();

    RuleIndex(KieBase base, RuleSource source) {
        base.getKiePackages().forEach(pkg -> pkg.getRules().forEach(rule -> byRule.put(key(rule), locate(rule, source))));
    }

    RuleLocation locate(Rule rule) {
        RuleLocation location = byRule.get(key(rule));
        return location != null ? location : new RuleLocation(rule.getName(), "", 0);
    }

    List<RuleLocation> all() {
        return byRule.values().stream()
                .sorted(Comparator.comparing(RuleLocation::file).thenComparingInt(RuleLocation::line))
                .toList();
    }

    private static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }

    private static RuleLocation locate(Rule rule, RuleSource source) {
        String path = rule instanceof RuleImpl impl && impl.getResource() != null
                ? impl.getResource().getSourcePath().replaceFirst("^src/main/resources/", "")
                : "";
        int line = source.file(path).map(f -> f.lineOf("rule \"" + rule.getName() + "\"")).orElse(0);
        return new RuleLocation(rule.getName(), source.pathOf(path), line);
    }
}
