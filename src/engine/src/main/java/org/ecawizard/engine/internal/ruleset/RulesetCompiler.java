package org.ecawizard.engine.internal.ruleset;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.InvalidRulesetException;
import org.ecawizard.engine.RuleProblem;
import org.ecawizard.engine.internal.catalog.AgencyCatalog;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/** The one place that turns rule files into a {@link Ruleset}, or into the list of what is wrong with them. */
public final class RulesetCompiler {

    /** Each build gets its own release, so two builds of the same files never share a KieModule. */
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern PARSER_POSITION = Pattern.compile("\\[ERR \\d+] Line (\\d+):(\\d+)");

    private static final Confinement CONFINEMENT = Confinement.ofFacts();

    private final int fireLimit;
    private final Clock clock;

    /**
     * @param fireLimit the most rule firings one evaluation of the compiled rulesets may take
     * @param clock     the time a ruleset is stamped as loaded at
     */
    public RulesetCompiler(int fireLimit, Clock clock) {
        this.fireLimit = fireLimit;
        this.clock = clock;
    }

    /**
     * Compiles the files, each rule's code first read for what it may reach.
     *
     * @param source the files
     * @return the compiled ruleset, in service until {@link Ruleset#dispose()}
     * @throws InvalidRulesetException with every problem, each with its file and line
     */
    public Ruleset compile(RuleSource source) {
        return compile(source, null);
    }

    /**
     * As {@link #compile(RuleSource)}, taking from an earlier ruleset each agency whose inputs (see {@link
     * AnswerInputs}) are the same: its rules would read the same agency out of the same files.
     *
     * @param source  the files
     * @param earlier a ruleset compiled before (whatever became of it), or null; its inputs tell what it shares
     * @return the compiled ruleset, in service until {@link Ruleset#dispose()}
     * @throws InvalidRulesetException with every problem, each with its file and line
     */
    public Ruleset compile(RuleSource source, Ruleset earlier) {
        // Nothing of a file that reaches beyond the facts is compiled: Drools evaluates some of it while building.
        // An agency file is read as written too: each statement's parts at their own lines.
        List<RuleProblem> confined = new ArrayList<>(CONFINEMENT.check(source));
        AgencyFiles.Reading agencyFiles = AgencyFiles.read(source, LocalDate.now(clock));
        confined.addAll(agencyFiles.errors());
        TrustFiles.Reading trust = TrustFiles.read(source);
        confined.addAll(trust.errors());
        if (!confined.isEmpty()) {
            throw new InvalidRulesetException(source.location(), confined);
        }
        KieServices kie = KieServices.get();
        ReleaseId release = kie.newReleaseId("org.ecawizard", "ruleset",
                source.version() + "-" + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(release);
        source.files().stream()
                .filter(RuleFile::isDrl)
                .forEach(file -> files.write("src/main/resources/" + file.path(), file.content()));
        ClassLoader classLoader = new RuleClassLoader(RulesetCompiler.class.getClassLoader());
        KieBuilder builder = kie.newKieBuilder(files, classLoader).buildAll();
        List<RuleProblem> problems = withoutEchoes(builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> problem(source, m))
                .toList());
        if (source.files().stream().noneMatch(RuleFile::isDrl)) {
            problems = List.of(new RuleProblem("drl", source.location(), 0, 0, "no .drl file found"));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(release);
            throw new InvalidRulesetException(source.location(), problems);
        }
        KieContainer container = kie.newKieContainer(release, classLoader);
        AnswerInputs inputs = AnswerInputs.of(source, fireLimit);
        Map<String, Agency> known = new HashMap<>();
        if (earlier != null) {
            earlier.catalog().all().stream().filter(agency -> inputs.sameAs(earlier.inputs(), List.of(agency.code())))
                    .forEach(agency -> known.put(agency.code(), agency));
        }
        try {
            RuleIndex index = new RuleIndex(container.getKieBase(), source);
            RuleRunner runner = new RuleRunner(container, index, fireLimit);
            AgencyCatalog catalog = new CatalogReader(source, container.getKieBase(), index, runner,
                    agencyFiles.rows(), known).read();
            return new Ruleset(source, clock.instant(), container, index, runner, catalog, trust.store(),
                    agencyFiles.warnings(), inputs);
        } catch (RuntimeException e) {
            container.dispose();
            throw e;
        } finally {
            // The container keeps what it needs; leaving the module in the repository would grow it per build.
            kie.getRepository().removeKieModule(release);
        }
    }

    /** The parser knows the column but reports it only in its text ("[ERR 102] Line 7:12 ..."): use it. */
    private static RuleProblem problem(RuleSource source, Message message) {
        Matcher position = PARSER_POSITION.matcher(message.getText());
        boolean found = position.find() && Integer.parseInt(position.group(1)) == message.getLine();
        return new RuleProblem("drl", source.pathOf(message.getPath()), message.getLine(),
                found ? Integer.parseInt(position.group(2)) : message.getColumn(), message.getText());
    }

    /**
     * Drops the parser's "null Package" line that follows a syntax error in the same file: it has no line and
     * says nothing the real error does not.
     */
    private static List<RuleProblem> withoutEchoes(List<RuleProblem> problems) {
        return problems.stream()
                .filter(p -> !(p.message().startsWith("Parser returned a null Package")
                        && problems.stream().anyMatch(o -> o != p && o.file().equals(p.file()))))
                .toList();
    }
}
