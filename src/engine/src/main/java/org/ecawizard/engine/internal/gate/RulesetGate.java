package org.ecawizard.engine.internal.gate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.Impact;
import org.ecawizard.engine.InvalidRulesetException;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.engine.RuleProblem;
import org.ecawizard.engine.RulesDidNotSettleException;
import org.ecawizard.engine.Scenario;
import org.ecawizard.engine.SelectionRefusedException;
import org.ecawizard.engine.internal.certificates.CertificateChecker;
import org.ecawizard.engine.internal.certificates.HeldFacts;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.Evaluation;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import org.ecawizard.engine.internal.ruleset.RulesetCompiler;
import org.ecawizard.engine.internal.scenario.ScenarioReader;
import org.ecawizard.engine.internal.scenario.ScenarioRunner;
import org.ecawizard.facts.CheckVerdict;
import org.ecawizard.facts.HeldChain;
import org.ecawizard.facts.OffEcaChain;

/**
 * Decides whether a ruleset may go live: every file compiles, the catalog is sound, every scenario passes, and
 * no selection the gate tries (each agency alone, each pair, each scenario) runs past the fire limit, and a
 * certificate held up to each agency gets a verdict; rules that
 * fire for none of them are reported as dead. Each selection is answered once, and that one answer serves the
 * scenario, the lint and, later, the impact. The same gate serves the start-up, every reload and the analysts'
 * check command.
 */
public final class RulesetGate {

    /**
     * The certificates the gate holds up to each agency: one on an ECA path with no type, one off any; any will do,
     * the verdict must come.
     */
    private static final List<HeldFacts> PROBES = List.of(
            new HeldFacts(new HeldChain("probe CA", "2099-12-31", 9000, "probe root", "2099-12-31", 9000), null,
                    List.of(), 365),
            new HeldFacts(null, new OffEcaChain("it is a probe"), List.of(), 365));

    /**
     * The most answers a report keeps, each with its trace: all of them for a catalog of up to 44 agencies (each
     * alone and each pair, both residency answers); a large catalog's would hold tens of megabytes for as long as it
     * serves.
     */
    static final int KEPT_ANSWERS = 2_000;

    private final RulesetCompiler compiler;
    private final Recommender recommender;
    private final ScenarioRunner runner;
    private final CertificateChecker checker;
    private final boolean scenarioForEveryAgency;

    /**
     * A gate that reports agencies without a scenario as coverage, not as errors.
     *
     * @param fireLimit   the most rule firings one evaluation may take
     * @param clock       the time of rulesets and of the certificate check
     * @param recommender answers the scenarios and the selections the gate tries
     */
    public RulesetGate(int fireLimit, Clock clock, Recommender recommender) {
        this(fireLimit, clock, recommender, false);
    }

    /**
     * @param fireLimit              the most rule firings one evaluation may take
     * @param clock                  the time of rulesets and of the certificate check
     * @param recommender            answers the scenarios and the selections the gate tries
     * @param scenarioForEveryAgency whether an agency that no scenario selects keeps the ruleset from going live
     */
    public RulesetGate(int fireLimit, Clock clock, Recommender recommender, boolean scenarioForEveryAgency) {
        this.scenarioForEveryAgency = scenarioForEveryAgency;
        this.compiler = new RulesetCompiler(fireLimit, clock);
        this.recommender = recommender;
        this.runner = new ScenarioRunner(recommender);
        this.checker = new CertificateChecker(recommender, clock);
    }

    /**
     * Runs the candidate's files through the gate. The report holds the compiled ruleset whenever the files
     * compiled, even when a scenario failed, so that its impact can still be shown; the caller disposes of a ruleset
     * it does not put live.
     *
     * @param source the candidate's files
     * @return the report: errors and warnings at file and line, the scenarios, the compiled ruleset
     */
    public GateReport inspect(RuleSource source) {
        return inspect(source, null);
    }

    /**
     * As {@link #inspect(RuleSource)}, taking from an earlier report the answer to each agency alone and each pair
     * whose inputs (see {@link org.ecawizard.engine.internal.ruleset.AnswerInputs}) are the same byte for byte: the
     * same rules on the same facts give the same answer, so only what an edit can change is answered again. The
     * compiler likewise takes what it read of unchanged files; scenarios and certificate probes run in full.
     *
     * @param source  the candidate's files
     * @param earlier the report on an earlier ruleset of the same location (the one in service), or null
     * @return the report: errors and warnings at file and line, the scenarios, the compiled ruleset
     */
    public GateReport inspect(RuleSource source, GateReport earlier) {
        List<RuleProblem> errors = new ArrayList<>();
        ScenarioReader.Scenarios scenarios = ScenarioReader.read(source);
        Ruleset ruleset;
        try {
            ruleset = compiler.compile(source, earlier == null ? null : earlier.ruleset());
        } catch (InvalidRulesetException e) {
            errors.addAll(e.problems());
            errors.addAll(scenarios.problems());
            return new GateReport(source.version(), null, errors, List.of(), scenarios.scenarios(), 0, Map.of(),
                    null, 0);
        }
        errors.addAll(scenarios.problems());
        // A scenario that expects what no rule can conclude is said so once, and not run to fail again.
        Set<Scenario> slipped = new HashSet<>();
        for (Scenario scenario : scenarios.scenarios()) {
            List<RuleProblem> slips = unconcludable(scenario, ruleset);
            errors.addAll(slips);
            if (!slips.isEmpty()) {
                slipped.add(scenario);
            }
        }
        List<Selections.Labelled> selections = Selections.of(
                ruleset.catalog().all().stream().map(Agency::code).toList(), scenarios.scenarios());
        Map<Choice, Recommendation> answers = new HashMap<>();
        Set<String> fired = new HashSet<>();
        Set<String> byScenarios = new HashSet<>(); // what the scenarios exercise: the coverage
        int failed = 0;
        int reused = 0;
        // Each selection is tried on its own, so they are tried side by side; what they found is gathered in order.
        List<Tried> all = selections.parallelStream()
                .map(selection -> known(earlier, ruleset, selection)
                        .orElseGet(() -> tryOut(ruleset, selection, slipped)))
                .toList();
        for (Tried tried : all) {
            errors.addAll(tried.problems());
            reused += tried.reused() ? 1 : 0;
            if (tried.answer() != null && answers.size() < KEPT_ANSWERS) {
                answers.put(tried.choice(), tried.answer());
            }
            tried.fired().forEach(rule -> fired.add(key(rule)));
            tried.byScenario().forEach(rule -> byScenarios.add(key(rule)));
            failed += tried.scenarioFailed() ? 1 : 0;
        }
        // The certificate check reads a verdict off the rules: rules that conclude none would fail every check.
        // Each agency is probed on its own, so they are probed side by side; what they found is gathered in order.
        for (Probed probed : ruleset.catalog().all().parallelStream().map(agency -> probe(ruleset, agency)).toList()) {
            probed.fired().forEach(rule -> fired.add(key(rule)));
            probed.problem().ifPresent(errors::add);
        }
        String what = ruleset.catalog().size() <= Selections.MAX_AGENCIES_FOR_PAIRS
                ? "every agency alone, every pair and every scenario" : "every agency alone and every scenario";
        List<RuleProblem> warnings = new ArrayList<>(ruleset.warnings());
        ruleset.rules().stream()
                .filter(rule -> !fired.contains(key(rule)))
                .map(rule -> new RuleProblem("dead-rule", rule.file(), rule.line(), 0, "rule \"" + rule.rule()
                        + "\" fires for no selection (" + selections.size() + " tried: " + what + ")"))
                .forEach(warnings::add);
        Coverage coverage = coverage(ruleset, scenarios.scenarios(), byScenarios);
        if (scenarioForEveryAgency) {
            coverage.agenciesWithoutScenario().forEach(agency -> errors.add(new RuleProblem("no-scenario",
                    agency.file(), agency.line(), 0, "no scenario selects " + agency.code() + ": write one for it"
                    + " under scenarios/ (every agency needs a scenario here)")));
        }
        return new GateReport(source.version(), ruleset, errors, List.copyOf(warnings), scenarios.scenarios(), failed,
                Map.copyOf(answers), coverage, reused);
    }

    /** What probing the certificate check for one agency found: the rules that fired, and a problem, if any. */
    private record Probed(List<RuleLocation> fired, Optional<RuleProblem> problem) {
    }

    private Probed probe(Ruleset ruleset, Agency agency) {
        List<RuleLocation> fired = new ArrayList<>();
        try {
            for (HeldFacts held : PROBES) {
                Evaluation probe = checker.evaluate(ruleset, new Choice(List.of(agency.code()), true), held);
                fired.addAll(probe.fired());
                if (probe.facts(CheckVerdict.class).isEmpty()) {
                    return new Probed(fired, Optional.of(new RuleProblem("no-verdict", ruleset.source().location(), 0,
                            0, "checking a certificate for " + agency.code() + " concludes no CheckVerdict: the"
                            + " certificate check could not answer")));
                }
            }
        } catch (RulesDidNotSettleException e) {
            return new Probed(fired, Optional.of(new RuleProblem("runaway", ruleset.source().location(), 0, 0,
                    "checking a certificate for " + agency.code() + ": " + e.getMessage())));
        }
        return new Probed(fired, Optional.empty());
    }

    /**
     * What trying one selection found.
     *
     * @param answer         its answer with the rules that fired, or null when it has none
     * @param fired          the rules that fired for it
     * @param byScenario     the rules that fired for its scenario, when it is one
     * @param scenarioFailed whether it is a scenario whose answer is not what it expects
     */
    private record Tried(Choice choice, Recommendation answer, List<RuleProblem> problems, List<RuleLocation> fired,
                         List<RuleLocation> byScenario, boolean scenarioFailed, boolean reused) {
    }

    /**
     * The earlier report's answer to an agency alone or a pair whose inputs have not changed, naming the candidate;
     * empty for a scenario (its expectations are judged afresh) and for anything the earlier report did not answer.
     */
    private static Optional<Tried> known(GateReport earlier, Ruleset ruleset, Selections.Labelled selection) {
        if (earlier == null || earlier.ruleset() == null || selection.scenario() != null
                || !ruleset.inputs().sameAs(earlier.ruleset().inputs(), selection.choice().agencies())) {
            return Optional.empty();
        }
        return Optional.ofNullable(earlier.answers().get(selection.choice())).map(answer -> new Tried(
                selection.choice(), answer.withRulesetVersion(ruleset.version()), List.of(), answer.trace(),
                List.of(), false, true));
    }

    /**
     * Answers a selection, and judges the answer when it is a scenario's (unless the scenario expects what no rule
     * can conclude: that is said once already).
     */
    private Tried tryOut(Ruleset ruleset, Selections.Labelled selection, Set<Scenario> slipped) {
        List<RuleProblem> problems = new ArrayList<>();
        Recommendation answer = null;
        RuntimeException unanswered = null;
        try {
            answer = recommender.recommend(ruleset, selection.choice(), true);
        } catch (RulesDidNotSettleException e) {
            problems.add(new RuleProblem("runaway", ruleset.source().location(), 0, 0,
                    "selecting " + selection.label() + ": " + e.getMessage()));
            unanswered = e;
        } catch (SelectionRefusedException e) {
            unanswered = e; // only a scenario can name an unknown agency: it fails below
        }
        List<RuleLocation> fired = new ArrayList<>(answer == null ? List.of() : answer.trace());
        List<RuleLocation> byScenario = new ArrayList<>();
        boolean scenarioFailed = false;
        Scenario scenario = selection.scenario();
        if (scenario != null && !slipped.contains(scenario)) {
            ScenarioRunner.Result result = answer == null ? ScenarioRunner.failed(scenario, unanswered)
                    : runner.judge(ruleset, scenario, answer);
            fired.addAll(result.fired());
            byScenario.addAll(result.fired());
            byScenario.addAll(answer == null ? List.of() : answer.trace());
            if (!result.passed()) {
                scenarioFailed = true;
                problems.add(new RuleProblem("scenario-failed", scenario.file(), scenario.line(), 0,
                        "scenario '" + scenario.name() + "' failed: " + String.join("; ", result.failures())));
            }
        }
        return new Tried(selection.choice(), answer, problems, fired, byScenario, scenarioFailed, false);
    }

    /**
     * What a scenario expects that no rule can conclude: a type the ruleset does not declare, or an application the
     * scenario does not select. Run, it would fail too; said this way, the slip is named where it is written.
     */
    private static List<RuleProblem> unconcludable(Scenario scenario, Ruleset ruleset) {
        Scenario.Expect expect = scenario.expect();
        if (expect == null) {
            return List.of();
        }
        Set<String> types = new TreeSet<>();
        Stream.of(expect.certificateTypes(), expect.purchase(), expect.heldTypes()).filter(Objects::nonNull)
                .forEach(types::addAll);
        Stream.of(expect.possibleTypes(), expect.notOffered()).filter(Objects::nonNull)
                .forEach(byType -> types.addAll(byType.keySet()));
        Set<String> agencies = new TreeSet<>();
        Stream.of(expect.conflict(), expect.notAcceptingEca(), expect.unreachable(), expect.retired(),
                expect.acceptedBy()).filter(Objects::nonNull).forEach(agencies::addAll);
        Stream.of(expect.possibleTypes(), expect.notOffered()).filter(Objects::nonNull)
                .forEach(byType -> byType.values().forEach(agencies::addAll));
        Set<String> selected = new HashSet<>();
        scenario.agencies().forEach(code -> selected.add(code.strip().toUpperCase(Locale.ROOT)));
        List<RuleProblem> problems = new ArrayList<>();
        var declared = ruleset.catalog().types();
        types.stream().filter(type -> !declared.contains(type)).forEach(type -> problems.add(new RuleProblem(
                "scenario-expects", scenario.file(), scenario.line(), 0, "scenario '" + scenario.name()
                + "' expects " + type + ", which is not a certificate type; the types are "
                + String.join(", ", declared.codes().stream().sorted().toList()))));
        agencies.stream().filter(code -> !selected.contains(code.strip().toUpperCase(Locale.ROOT)))
                .forEach(code -> problems.add(new RuleProblem("scenario-expects", scenario.file(), scenario.line(),
                        0, "scenario '" + scenario.name() + "' expects something of " + code + ", which it does not"
                        + " select: no rule can conclude it")));
        return problems;
    }

    private static Coverage coverage(Ruleset ruleset, List<Scenario> scenarios, Set<String> byScenarios) {
        Set<String> selected = new HashSet<>();
        scenarios.forEach(scenario -> scenario.agencies().forEach(code -> selected.add(code.strip()
                .toUpperCase(Locale.ROOT))));
        return new Coverage(ruleset.rules().size(),
                ruleset.rules().stream().filter(rule -> !byScenarios.contains(key(rule))).toList(),
                ruleset.catalog().all().stream().filter(agency -> !selected.contains(agency.code()
                        .toUpperCase(Locale.ROOT))).toList());
    }

    private static String key(RuleLocation rule) {
        return rule.file() + "/" + rule.rule();
    }

    /**
     * The impact of going from one ruleset to another, on the selections the gate exercises (over the agencies
     * of both) with the scenarios of the newer one. An answer either gate already worked out (its {@link
     * GateReport#answers()}) is read from there; only the others are evaluated.
     *
     * @param before the report on the ruleset in service
     * @param after  the report on the one that replaces it
     * @return the selections whose answers change, and how
     */
    public Impact impact(GateReport before, GateReport after) {
        Set<String> codes = new LinkedHashSet<>();
        before.ruleset().catalog().all().stream().map(Agency::code).forEach(codes::add);
        after.ruleset().catalog().all().stream().map(Agency::code).forEach(codes::add);
        List<Selections.Labelled> selections = Selections.of(List.copyOf(codes), after.scenarios());
        List<Impact.Change> changes = new ArrayList<>();
        for (Selections.Labelled selection : selections) {
            Map<String, String> old = answer(before, selection.choice());
            Map<String, String> now = answer(after, selection.choice());
            List<Impact.Difference> differences = new ArrayList<>();
            for (String part : AnswerParts.PARTS) {
                String was = old.getOrDefault(part, "");
                String is = now.getOrDefault(part, "");
                boolean productsChanged = !old.getOrDefault("products", "").equals(now.getOrDefault("products", ""));
                // Prices are shown only when the products stay: a new product brings its price along.
                if (!was.equals(is) && !(part.equals("prices") && productsChanged)) {
                    differences.add(new Impact.Difference(part, was, is));
                }
            }
            if (!differences.isEmpty()) {
                changes.add(new Impact.Change(selection.label(), now.getOrDefault("answer", ""),
                        List.copyOf(differences), AnswerParts.decidedBy(now)));
            }
        }
        return new Impact(before.version(), after.version(), selections.size(), List.copyOf(changes));
    }

    private Map<String, String> answer(GateReport report, Choice choice) {
        Recommendation known = report.answers().get(choice);
        if (known != null) {
            return AnswerParts.of(known);
        }
        try {
            return AnswerParts.of(recommender.recommend(report.ruleset(), choice, false));
        } catch (SelectionRefusedException | RulesDidNotSettleException e) {
            return AnswerParts.unanswered(e);
        }
    }
}
