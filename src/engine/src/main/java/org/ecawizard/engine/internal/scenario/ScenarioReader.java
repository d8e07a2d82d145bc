package org.ecawizard.engine.internal.scenario;

import java.util.ArrayList;
import java.util.List;
import org.ecawizard.engine.InvalidSelectionException;
import org.ecawizard.engine.RuleProblem;
import org.ecawizard.engine.Scenario;
import org.ecawizard.engine.internal.ruleset.RuleFile;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the scenarios of a ruleset: each file under {@code scenarios/} holds a YAML list of them. */
public final class ScenarioReader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // file and line are not in the YAML; the reader sets them.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ScenarioReader() {
    }

    /**
     * @param source a ruleset's files
     * @return the scenarios its YAML files under {@code scenarios/} hold, and the problems of those that could not
     *         be read, each at its file and line
     */
    public static Scenarios read(RuleSource source) {
        List<Scenario> scenarios = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : source.files().stream().filter(RuleFile::isScenario).toList()) {
            String path = source.pathOf(file.path());
            try {
                List<Scenario> read = YAML.readValue(file.content(), new TypeReference<List<Scenario>>() { });
                for (Scenario scenario : read == null ? List.<Scenario>of() : read) {
                    int line = scenario.name() == null ? 0 : file.lineOf(scenario.name());
                    String incomplete = incompleteness(scenario);
                    if (incomplete != null) {
                        problems.add(new RuleProblem("scenario-file", path, line, 0, incomplete));
                    } else {
                        scenarios.add(scenario.at(path, line));
                    }
                }
            } catch (UnrecognizedPropertyException e) {
                // The parser's location is past the misspelt key; the key itself is what an analyst looks for.
                problems.add(new RuleProblem("scenario-file", path, file.lineOf(e.getPropertyName() + ":"), 0,
                        "unknown field '" + e.getPropertyName() + "'; the fields are: " + e.getKnownPropertyIds()));
            } catch (JacksonException e) {
                var at = e.getLocation();
                problems.add(new RuleProblem("scenario-file", path, at == null ? 0 : at.getLineNr(),
                        at == null ? 0 : at.getColumnNr(),
                        "not a list of scenarios: " + e.getOriginalMessage()));
            }
        }
        return new Scenarios(scenarios, problems);
    }

    private static String incompleteness(Scenario scenario) {
        if (scenario.name() == null || scenario.name().isBlank()) {
            return "a scenario has no name";
        }
        if (scenario.agencies() == null || scenario.agencies().isEmpty()) {
            return "scenario '" + scenario.name() + "' selects no agencies";
        }
        if (scenario.expect() == null) {
            return "scenario '" + scenario.name() + "' has no expect";
        }
        try {
            scenario.choice();
        } catch (InvalidSelectionException e) {
            return "scenario '" + scenario.name() + "': " + e.getMessage();
        }
        return null;
    }

    /** The scenarios that could be read, and the problems of those that could not. */
    public record Scenarios(List<Scenario> scenarios, List<RuleProblem> problems) {
    }
}
