package org.ecawizard.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecawizard.catalog.Agency;
import org.ecawizard.catalog.AgencyCatalog;
import org.ecawizard.facts.Acceptance;
import org.ecawizard.facts.AcceptsNoEca;
import org.ecawizard.facts.Buyer;
import org.ecawizard.facts.CertificateType;
import org.ecawizard.facts.Selection;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Reads the agency catalog out of a compiled rule base. An agency is declared by a rule's metadata
 * ({@code @agency}, {@code @title}, {@code @summary}, {@code @status}, {@code @source}, optional {@code @note}
 * and {@code @special}); what it accepts is what its rules conclude when it is selected alone.
 */
final class CatalogReader {

    private static final Set<String> STATUSES = Set.of("confirmed", "inferred", "unconfirmed");
    private static final List<String> REQUIRED = List.of("title", "summary", "status", "source");
    private static final String CODE_PATTERN = "[A-Z][A-Z0-9_]*";
    private static final String AGENCY_FOLDER = "agencies/";

    private final RuleSource source;
    private final KieBase base;
    private final RuleIndex index;
    private final RuleRunner runner;
    private final List<RuleProblem> problems = new ArrayList<>();

    CatalogReader(RuleSource source, KieBase base, RuleIndex index, RuleRunner runner) {
        this.source = source;
        this.base = base;
        this.index = index;
        this.runner = runner;
    }

    /** @throws InvalidRulesetException when a declaration is incomplete or an agency's rules misbehave */
    AgencyCatalog read() {
        Map<String, Declaration> declared = declarations();
        Map<String, CertificateType> types = new HashMap<>();
        runner.evaluate(List.of()).facts(CertificateType.class).forEach(t -> types.put(t.code(), t));
        if (types.isEmpty()) {
            problems.add(new RuleProblem(source.location(), 0, 0,
                    "no certificate type is declared: a rule must insert CertificateType facts"));
        }
        List<Agency> agencies = new ArrayList<>();
        for (Declaration declaration : declared.values()) {
            Agency agency = agency(declaration, types);
            if (agency != null) {
                agencies.add(agency);
            }
        }
        if (declared.isEmpty()) {
            problems.add(new RuleProblem(source.location(), 0, 0, "no agency is declared: no rule has @agency"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesetException(source.location(), problems);
        }
        return new AgencyCatalog(agencies);
    }

    private Map<String, Declaration> declarations() {
        List<Declaration> found = new ArrayList<>();
        base.getKiePackages().forEach(pkg -> pkg.getRules().stream()
                .filter(rule -> rule.getMetaData().containsKey("agency"))
                .forEach(rule -> found.add(new Declaration(rule, index.locate(rule)))));
        // In file order, so that the second of two declarations of a code is the one reported.
        found.sort(Comparator.comparing((Declaration d) -> d.location.file()).thenComparingInt(d -> d.location.line()));
        Map<String, Declaration> declared = new LinkedHashMap<>();
        for (Declaration declaration : found) {
            String code = declaration.text("agency");
            if (!code.matches(CODE_PATTERN)) {
                declaration.problem("@agency(\"" + code + "\") is not an agency code: use upper-case letters, digits and _");
            }
            REQUIRED.stream().filter(key -> declaration.text(key).isBlank())
                    .forEach(key -> declaration.problem("agency " + code + " has no @" + key + "(\"...\")"));
            String status = declaration.text("status");
            if (!status.isBlank() && !STATUSES.contains(status)) {
                declaration.problem("agency " + code + " has @status(\"" + status + "\"); use one of "
                        + String.join(", ", STATUSES.stream().sorted().toList()));
            }
            String expectedFile = source.pathOf(AGENCY_FOLDER + code + ".drl");
            if (declaration.location.file().startsWith(source.pathOf(AGENCY_FOLDER))
                    && !declaration.location.file().equals(expectedFile)) {
                declaration.problem("agency " + code + " is declared in a file named otherwise: rename the file to "
                        + code + ".drl or the code to match the file");
            }
            Declaration earlier = declared.putIfAbsent(code, declaration);
            if (earlier != null) {
                declaration.problem("agency " + code + " is already declared at " + earlier.where());
            }
        }
        return declared;
    }

    /** The agency as its rules answer for it alone, or null when they do not settle (a problem is recorded). */
    private Agency agency(Declaration declaration, Map<String, CertificateType> types) {
        String code = declaration.text("agency");
        Selection alone = new Selection(code, declaration.text("title"), declaration.text("status"),
                declaration.text("source"), declaration.text("note"));
        List<String> accepted = new ArrayList<>();
        boolean acceptsNone = false;
        for (boolean residesInUs : new boolean[] {true, false}) {
            Evaluation evaluation;
            try {
                evaluation = runner.evaluate(List.of(alone, new Buyer(residesInUs)));
            } catch (RulesDidNotSettleException e) {
                declaration.problem("selecting " + code + " alone: " + e.getMessage());
                return null;
            }
            if (residesInUs) {
                evaluation.facts(Acceptance.class).stream()
                        .filter(a -> a.agency().equals(code))
                        .map(Acceptance::type)
                        .distinct()
                        .forEach(accepted::add);
                acceptsNone = evaluation.facts(AcceptsNoEca.class).stream().anyMatch(n -> n.agency().equals(code));
            }
        }
        accepted.stream().filter(type -> !types.containsKey(type)).forEach(type -> declaration.problem(
                "agency " + code + " accepts \"" + type + "\", which is not a certificate type; the types are "
                        + String.join(", ", types.keySet().stream().sorted().toList())));
        if (accepted.isEmpty() && !acceptsNone) {
            declaration.problem("agency " + code + " accepts no type: insert an Acceptance for each type it takes,"
                    + " or an AcceptsNoEca when it takes no ECA certificate");
        }
        accepted.sort(Comparator.comparingInt(type -> types.containsKey(type) ? types.get(type).rank() : Integer.MAX_VALUE));
        return new Agency(code, declaration.text("title"), declaration.text("summary"), accepted,
                declaration.text("status"), declaration.text("source"), declaration.text("note"),
                "true".equals(declaration.text("special")), declaration.rule.getName(),
                declaration.location.file(), declaration.location.line());
    }

    private final class Declaration {
        private final Rule rule;
        private final RuleLocation location;

        Declaration(Rule rule, RuleLocation location) {
            this.rule = rule;
            this.location = location;
        }

        String text(String key) {
            Object value = rule.getMetaData().get(key);
            return value == null ? "" : value.toString().strip();
        }

        String where() {
            return location.file() + ":" + location.line();
        }

        void problem(String message) {
            problems.add(new RuleProblem(location.file(), location.line(), 0, message));
        }
    }
}
