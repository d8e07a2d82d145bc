package org.ecawizard.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check's problems as SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the format code
 * review tools read to annotate the lines of a change: each problem a result, with its kind as the rule id, its
 * level, its message and its file, line and column.
 */
final class SarifReport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What each kind of problem is, as a code review tool titles it; see {@link RuleProblem#code()}. */
    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("drl", "A rule file does not compile."),
            Map.entry("confinement", "A rule reaches beyond the facts."),
            Map.entry("agency-file", "An agency file does not say what a page says, part by part."),
            Map.entry("source-contradiction", "The same words of a page are read two ways in two files."),
            Map.entry("source-date", "A page is given two dates."),
            Map.entry("sources", "SOURCES.md, the list of pages the agency files cite, is missing."),
            Map.entry("unused-source", "A page is listed in SOURCES.md but no rule file cites it."),
            Map.entry("stale-source", "An agency's source is old: look for a newer page."),
            Map.entry("only-reading", "The page's words say \"only\" but the statement does not."),
            Map.entry("catalog", "The agency catalog the rules declare is not sound."),
            Map.entry("trust-store", "The trust store and its rows do not agree."),
            Map.entry("scenario-file", "A scenario file cannot be read."),
            Map.entry("scenario-expects", "A scenario expects what no rule can conclude."),
            Map.entry("scenario-failed", "A scenario's answer is not what it expects."),
            Map.entry("no-scenario", "No scenario selects an agency."),
            Map.entry("runaway", "A selection makes the rules fire past the fire limit."),
            Map.entry("no-verdict", "The certificate check gets no verdict from the rules."),
            Map.entry("dead-rule", "A rule fires for no selection the gate tries."),
            Map.entry("unreadable", "The rules directory cannot be read."));

    private SarifReport() {
    }

    static String of(Checked checked) {
        List<Object> results = new ArrayList<>();
        TreeSet<String> kinds = new TreeSet<>();
        checked.report().errors().forEach(problem -> results.add(result(problem, "error", kinds)));
        checked.report().warnings().forEach(problem -> results.add(result(problem, "warning", kinds)));
        List<Object> rules = new ArrayList<>();
        kinds.forEach(kind -> rules.add(object("id", kind, "shortDescription",
                object("text", KINDS.getOrDefault(kind, "A problem of kind " + kind + ".")))));
        Map<String, Object> driver = object("name", "eca-wizard check", "version", CheckCommand.VERSION,
                "semanticVersion", CheckCommand.VERSION, "rules", rules);
        Map<String, Object> run = object("tool", object("driver", driver), "columnKind", "utf16CodeUnits",
                "results", results);
        return JSON.writeValueAsString(object("$schema", "https://json.schemastore.org/sarif-2.1.0.json",
                "version", "2.1.0", "runs", List.of(run)));
    }

    private static Map<String, Object> result(RuleProblem problem, String level, TreeSet<String> kinds) {
        kinds.add(problem.code());
        Map<String, Object> physical = object("artifactLocation", object("uri", uri(problem.file())));
        if (problem.line() > 0) {
            physical.put("region", problem.column() > 0
                    ? object("startLine", problem.line(), "startColumn", problem.column())
                    : object("startLine", problem.line()));
        }
        return object("ruleId", problem.code(), "level", level, "message", object("text", problem.message()),
                "locations", List.of(object("physicalLocation", physical)));
    }

    /** Relative to where the check ran (a repository's root, for a review tool), percent-encoded. */
    private static String uri(String file) {
        Path path = Path.of(file).normalize();
        Path here = Path.of("").toAbsolutePath();
        if (path.isAbsolute() && path.startsWith(here)) {
            path = here.relativize(path);
        }
        try {
            return path.isAbsolute() ? path.toUri().toString()
                    : new URI(null, null, path.toString().replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + file, e);
        }
    }

    /** An object whose members keep the order given: name, value, name, value ... */
    private static Map<String, Object> object(Object... members) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            object.put((String) members[i], members[i + 1]);
        }
        return object;
    }
}
