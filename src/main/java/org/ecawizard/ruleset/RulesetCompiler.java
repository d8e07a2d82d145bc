package org.ecawizard.ruleset;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.ecawizard.catalog.AgencyCatalog;
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

    private final int fireLimit;
    private final Clock clock;

    public RulesetCompiler(int fireLimit, Clock clock) {
        this.fireLimit = fireLimit;
        this.clock = clock;
    }

    /**
     * @throws InvalidRulesetException with every problem, each with its file and line
     */
    public Ruleset compile(RuleSource source) {
        KieServices kie = KieServices.get();
        ReleaseId release = kie.newReleaseId("org.ecawizard", "ruleset",
                source.version() + "-" + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(release);
        source.files().stream()
                .filter(RuleFile::isDrl)
                .forEach(file -> files.write("src/main/resources/" + file.path(), file.content()));
        ClassLoader classLoader = RulesetCompiler.class.getClassLoader();
        KieBuilder builder = kie.newKieBuilder(files, classLoader).buildAll();
        List<RuleProblem> problems = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> new RuleProblem(source.pathOf(m.getPath()), m.getLine(), m.getColumn(), m.getText()))
                .toList();
        if (source.files().stream().noneMatch(RuleFile::isDrl)) {
            problems = List.of(new RuleProblem(source.location(), 0, 0, "no .drl file found"));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(release);
            throw new InvalidRulesetException(source.location(), problems);
        }
        KieContainer container = kie.newKieContainer(release, classLoader);
        try {
            RuleRunner runner = new RuleRunner(container.getKieBase(), fireLimit);
            AgencyCatalog catalog = new CatalogReader(source, container.getKieBase(), runner).read();
            return new Ruleset(source, clock.instant(), container, runner, catalog);
        } catch (RuntimeException e) {
            container.dispose();
            throw e;
        } finally {
            // The container keeps what it needs; leaving the module in the repository would grow it per build.
            kie.getRepository().removeKieModule(release);
        }
    }
}
