package org.ecawizard.engine.internal.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.InvalidRulesetException;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.engine.RuleProblem;
import org.ecawizard.engine.RulesDidNotSettleException;
import org.ecawizard.engine.internal.catalog.AgencyCatalog;
import org.ecawizard.engine.internal.catalog.CertificateTypes;
import org.ecawizard.facts.Accepts;
import org.ecawizard.facts.AcceptsEca;
import org.ecawizard.facts.AnyType;
import org.ecawizard.facts.Buyer;
import org.ecawizard.facts.CertificateType;
import org.ecawizard.facts.Rejects;
import org.ecawizard.facts.RequiresUsCitizen;
import org.ecawizard.facts.Retired;
import org.ecawizard.facts.Selection;
import org.ecawizard.facts.TakesNoEca;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * Reads the agency catalog out of a compiled rule base. An agency is declared by the rule of its file under
 * {@code agencies/}, named CODE.drl, and that rule's metadata ({@code @title}, {@code @status}, {@code @source},
 * optional {@code @sourceDate}, {@code @note} and {@code @special}); what its sources say of each type, its lifecycle
 * and its Non-U.S. rule are what the rules conclude when it is selected alone.
 */
final class CatalogReader {

    private static final Set<String> STATUSES = Set.of("confirmed", "inferred", "unconfirmed");
    private static final List<String> REQUIRED = List.of("title", "status", "source");
    private static final String CODE_PATTERN = "[A-Z][A-Z0-9_]*";

    private final RuleSource source;
    private final KieBase base;
    private final RuleIndex index;
    private final RuleRunner runner;
    private final List<AgencyFiles.Row> rows;
    /** Agencies read out of an earlier ruleset whose files for them are the same: they are not read again. */
    private final Map<String, Agency> known;
    /** Files that name a type that does not exist: what follows from the slip is not reported again. */
    private final Set<String> misspelt = new HashSet<>();
    // A set: the same slip is found by more than one check of a declaration.
    private final Set<RuleProblem> problems = new LinkedHashSet<>();

    CatalogReader(RuleSource source, KieBase base, RuleIndex index, RuleRunner runner, List<AgencyFiles.Row> rows,
                  Map<String, Agency> known) {
        this.source = source;
        this.base = base;
        this.index = index;
        this.runner = runner;
        this.rows = rows;
        this.known = known;
    }

    /** @throws InvalidRulesetException when a declaration is incomplete or an agency's rules misbehave */
    AgencyCatalog read() {
        Map<String, Declaration> declared = declarations();
        CertificateTypes types = new CertificateTypes(runner.evaluate(List.of()).facts(CertificateType.class));
        if (types.isEmpty()) {
            problems.add(new RuleProblem("catalog", source.location(), 0, 0,
                    "no certificate type is declared: a rule must insert CertificateType facts"));
        }
        // A type is checked where it is written, against the types the ruleset declares.
        for (AgencyFiles.Row row : rows) {
            AgencyFiles.Part type = row.type();
            if (type != null && !types.isEmpty() && !types.contains(type.value())) {
                misspelt.add(row.file());
                problems.add(new RuleProblem("catalog", row.file(), type.line(), type.column(), "\"" + type.value()
                        + "\" is not a certificate type; the types are "
                        + String.join(", ", types.codes().stream().sorted().toList())));
            }
        }
        List<Agency> agencies = new ArrayList<>();
        for (Declaration declaration : declared.values()) {
            Agency agency = known.containsKey(declaration.code()) ? known.get(declaration.code())
                    : agency(declaration, types);
            if (agency != null) {
                agencies.add(agency);
            }
        }
        Set<String> codes = declared.keySet();
        agencies.stream().filter(a -> a.lifecycle().replacedBy() != null && !codes.contains(a.lifecycle().replacedBy()))
                .forEach(a -> problems.add(new RuleProblem("catalog", a.file(), a.line(), 0, "agency " + a.code()
                        + " is replaced by " + a.lifecycle().replacedBy() + ", which is not an agency code")));
        if (declared.isEmpty()) {
            problems.add(new RuleProblem("catalog", source.location(), 0, 0,
                    "no agency is declared: " + AgencyFiles.FOLDER
                    + " holds no agency file"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesetException(source.location(), List.copyOf(problems));
        }
        return new AgencyCatalog(agencies, types);
    }

    private Map<String, Declaration> declarations() {
        List<Declaration> found = new ArrayList<>();
        String folder = source.pathOf(AgencyFiles.FOLDER);
        base.getKiePackages().forEach(pkg -> pkg.getRules().stream()
                .map(rule -> new Declaration(rule, index.locate(rule)))
                .filter(declaration -> declaration.location.file().startsWith(folder))
                .forEach(found::add));
        // In file order: the catalog lists the agencies as their files are sorted.
        found.sort(Comparator.comparing((Declaration d) -> d.location.file()).thenComparingInt(d -> d.location.line()));
        Map<String, Declaration> declared = new LinkedHashMap<>();
        for (Declaration declaration : found) {
            String code = declaration.code();
            if (!code.matches(CODE_PATTERN)) {
                declaration.problem(code + ".drl: an agency file is named after its code, in upper-case letters,"
                        + " digits and _");
            }
            REQUIRED.stream().filter(key -> declaration.text(key).isBlank())
                    .forEach(key -> declaration.problem("agency " + code + " has no @" + key + "(\"...\")"));
            String status = declaration.text("status");
            if (!status.isBlank() && !STATUSES.contains(status)) {
                declaration.problem("agency " + code + " has @status(\"" + status + "\"); use one of "
                        + String.join(", ", STATUSES.stream().sorted().toList()));
            }
            declared.put(code, declaration);
        }
        return declared;
    }

    /** The agency as its rules answer for it alone, or null when they do not settle (a problem is recorded). */
    private Agency agency(Declaration declaration, CertificateTypes types) {
        String code = declaration.code();
        Selection alone = new Selection(code, declaration.text("title"), declaration.text("status"),
                declaration.text("source"), declaration.text("note"), "true".equals(declaration.text("special")));
        Evaluation evaluation = null;
        for (boolean residesInUs : new boolean[] {true, false}) {
            try {
                Evaluation run = runner.evaluate(List.of(alone, new Buyer(residesInUs, "unstated")));
                evaluation = evaluation == null ? run : evaluation;
            } catch (RulesDidNotSettleException e) {
                declaration.problem("selecting " + code + " alone: " + e.getMessage());
                return null;
            }
        }
        Concluded evidence = new Concluded(code, evaluation, declaration);
        Comparator<String> byRank = types.byRank();
        List<String> accepted = evidence.types(Accepts.class, Accepts::agency, Accepts::type);
        List<String> rejected = evidence.types(Rejects.class, Rejects::agency, Rejects::type);
        accepted.stream().filter(rejected::contains).forEach(type -> declaration.problem(
                "agency " + code + " both accepts and rejects " + type + ": keep what its source states"));
        List<TakesNoEca> noEca = evidence.of(TakesNoEca.class, TakesNoEca::agency);
        boolean takesNone = !noEca.isEmpty();
        boolean takesSome = !accepted.isEmpty() || !evidence.of(AcceptsEca.class, AcceptsEca::agency).isEmpty();
        if (takesNone && takesSome) {
            declaration.problem("agency " + code + " both takes no ECA certificate and accepts one");
        } else if (!takesNone && !takesSome && rejected.isEmpty() && !"true".equals(declaration.text("special"))
                && evidence.of(AnyType.class, AnyType::agency).isEmpty()) {
            declaration.problem("agency " + code + " states nothing: say what its page says of each type it names"
                    + " (.accepts, .acceptsOnly, .rejects), .acceptsEca() when it names none, or .needsNoEca() or"
                    + " .acceptsNoEca() when it takes no ECA certificate");
        } else if (!takesNone && types.codes().stream().allMatch(rejected::contains)
                && !misspelt.contains(declaration.location.file())) {
            declaration.problem("agency " + code + " rejects every type: say .acceptsNoEca(), with the page's words"
                    + " and what to use .instead");
        }
        List<Retired> retired = evidence.of(Retired.class, Retired::agency);
        boolean usCitizensOnly = !evidence.of(RequiresUsCitizen.class, RequiresUsCitizen::agency).isEmpty();
        List<Agency.TypeEvidence> typeEvidence = Stream.concat(
                evidence.of(Accepts.class, Accepts::agency).stream().map(a -> new Agency.TypeEvidence(a.type(),
                        "accepted", a.basis(), a.source(), a.quote(), a.reading())),
                evidence.of(Rejects.class, Rejects::agency).stream().map(r -> new Agency.TypeEvidence(r.type(),
                        "rejected", r.basis(), r.source(), r.quote(), r.reading())))
                .sorted(Comparator.comparing(Agency.TypeEvidence::type, byRank)).toList();
        Agency.NoEca how = noEca.isEmpty() ? null : new Agency.NoEca(noEca.get(0).kind(), noEca.get(0).why(),
                noEca.get(0).instead(), noEca.get(0).source(), noEca.get(0).basis());
        Agency.Lifecycle lifecycle = retired.isEmpty() ? Agency.Lifecycle.ACTIVE : new Agency.Lifecycle("retired",
                retired.get(0).since(), retired.get(0).replacedBy().isBlank() ? null : retired.get(0).replacedBy(),
                retired.get(0).source());
        return new Agency(code, declaration.text("title"), accepted.stream().sorted(byRank).toList(),
                rejected.stream().sorted(byRank).toList(),
                // What no source speaks of, for applications to reach or not (one that needs no certificate, say).
                types.codes().stream().filter(type -> !accepted.contains(type) && !rejected.contains(type))
                        .sorted(byRank).toList(), typeEvidence, how,
                declaration.text("status"), declaration.text("source"), declaration.text("sourceDate"),
                declaration.text("note"), lifecycle, usCitizensOnly ? "rejected" : "unstated",
                alone.special(), !evidence.of(AnyType.class, AnyType::agency).isEmpty(), declaration.rule.getName(), declaration.location.file(), declaration.location.line());
    }

    /**
     * What the rules concluded of one agency selected alone. A fact that names another agency is a slip in its
     * file (a copied line), and a problem.
     */
    private static final class Concluded {
        private final String code;
        private final Evaluation evaluation;
        private final Declaration declaration;

        Concluded(String code, Evaluation evaluation, Declaration declaration) {
            this.code = code;
            this.evaluation = evaluation;
            this.declaration = declaration;
        }

        <T> List<T> of(Class<T> kind, Function<T, String> agency) {
            List<T> facts = evaluation.facts(kind);
            facts.stream().map(agency).filter(other -> !other.equals(code)).distinct().forEach(other ->
                    declaration.problem("selecting " + code + " alone concludes " + kind.getSimpleName() + " for "
                            + other + ": only " + other + "'s own file states facts about " + other));
            return facts.stream().filter(fact -> agency.apply(fact).equals(code)).toList();
        }

        <T> List<String> types(Class<T> kind, Function<T, String> agency, Function<T, String> type) {
            return of(kind, agency).stream().map(type).distinct().toList();
        }
    }

    private final class Declaration {
        private final Rule rule;
        private final RuleLocation location;

        Declaration(Rule rule, RuleLocation location) {
            this.rule = rule;
            this.location = location;
        }

        /** The application's code: its file's path under the agencies folder, without .drl. */
        String code() {
            return location.file().substring(source.pathOf(AgencyFiles.FOLDER).length(),
                    location.file().length() - ".drl".length());
        }

        String text(String key) {
            Object value = rule.getMetaData().get(key);
            return value == null ? "" : value.toString().strip();
        }

        void problem(String message) {
            problems.add(new RuleProblem("catalog", location.file(), location.line(), 0, message));
        }
    }
}
