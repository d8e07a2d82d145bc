package org.ecawizard.engine;

import java.util.ArrayList;
import java.util.List;
import org.ecawizard.engine.internal.gate.Coverage;

/**
 * The check as a pull request's comment, in GitHub's and GitLab's Markdown: the outcome, the errors, what the
 * change does for buyers (each changed selection: before, after, what the buyer would now buy, the rules that
 * decided), the replayed decisions, the warnings and the coverage. It stays under {@code --limit} characters:
 * each section in turn takes the room it needs while every later one keeps room for its heading, and what does
 * not fit is left out and counted.
 */
final class MarkdownReport {

    /** Room kept in a section for the line that counts what it left out. */
    private static final int NOTE = 120;

    private MarkdownReport() {
    }

    /**
     * @param heading its title
     * @param intro   a paragraph before the entries, empty for none
     * @param entries its items, each whole or not at all
     * @param fenced  whether the entries are lines of a code block
     */
    private record Section(String heading, String intro, List<String> entries, boolean fenced) {
    }

    static String of(Checked checked) {
        List<Section> sections = new ArrayList<>();
        var report = checked.report();
        if (!report.errors().isEmpty()) {
            sections.add(new Section("Errors (" + report.errors().size() + ")", "",
                    report.errors().stream().map(MarkdownReport::problem).toList(), false));
        }
        if (checked.impact() != null) {
            sections.add(impact(checked, checked.impact()));
        }
        List<String> replay = checked.replay();
        if (!replay.isEmpty()) {
            // Its last line says how many changed; each entry before it is one decision, whole.
            sections.add(new Section("Logged decisions, answered again", code(replay.get(replay.size() - 1)),
                    replay.subList(0, replay.size() - 1), true));
        }
        if (!checked.explanation().lines().isEmpty()) {
            sections.add(new Section("Explained: " + checked.options().explain(), "", checked.explanation().lines(),
                    true));
        }
        if (!report.warnings().isEmpty()) {
            sections.add(new Section("Warnings (" + report.warnings().size() + ")", "",
                    report.warnings().stream().map(MarkdownReport::problem).toList(), false));
        }
        if (report.coverage() != null) {
            sections.add(coverage(checked, report.coverage()));
        }
        StringBuilder out = new StringBuilder("### eca-wizard check: " + (report.passed() ? "OK" : "FAILED")
                + "\n\n" + code(checked.summary()) + "\n");
        int limit = checked.options().limit();
        int[] room = rooms(sections, limit - out.length());
        for (int i = 0; i < sections.size(); i++) {
            out.append(section(sections.get(i), room[i], limit));
        }
        return out.toString();
    }

    /**
     * The room each section may take, in order: what it needs, as long as every later section keeps the room for
     * its heading and its count of what was left out. Errors come first, then what the change does for buyers.
     */
    private static int[] rooms(List<Section> sections, int total) {
        int[] room = new int[sections.size()];
        int[] least = new int[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            least[i] = section(new Section(sections.get(i).heading(), sections.get(i).intro(), List.of(), false),
                    0, 0).length() + NOTE;
        }
        int left = total;
        for (int i = 0; i < sections.size(); i++) {
            int later = 0;
            for (int j = i + 1; j < sections.size(); j++) {
                later += least[j];
            }
            int need = section(sections.get(i), Integer.MAX_VALUE, 0).length() + NOTE;
            room[i] = Math.max(least[i], Math.min(need, left - later));
            left -= room[i];
        }
        return room;
    }

    private static String section(Section section, int room, int limit) {
        StringBuilder out = new StringBuilder("\n#### " + text(section.heading()) + "\n"
                + (section.intro().isEmpty() ? "" : "\n" + section.intro() + "\n")
                + (section.entries().isEmpty() ? "" : "\n") + (section.fenced() ? "```text\n" : ""));
        String end = section.fenced() ? "```\n" : "";
        int leftOut = 0;
        for (String entry : section.entries()) {
            String line = (section.fenced() ? entry.replace("```", "'''") : entry) + "\n";
            if (leftOut > 0 || out.length() + line.length() + end.length() + NOTE > room) {
                leftOut++;
            } else {
                out.append(line);
            }
        }
        out.append(end);
        if (leftOut > 0) {
            out.append("\n_").append(leftOut).append(" more left out to keep this comment under ").append(limit)
                    .append(" characters: run the check to see them all._\n");
        }
        return out.toString();
    }

    private static Section impact(Checked checked, Checked.Compared compared) {
        String heading = "What this change does for buyers";
        if (compared.impact() == null) {
            return new Section(heading, "Not worked out: " + text(compared.unavailable()) + ".",
                    compared.problems().stream().map(MarkdownReport::problem).toList(), false);
        }
        Impact impact = compared.impact();
        List<String> entries = new ArrayList<>();
        for (Impact.Change change : impact.changes()) {
            StringBuilder entry = new StringBuilder("**" + text(change.selection()) + "** now: "
                    + text(CheckCommand.orNone(change.answer())) + "\n\n| | before | after |\n|---|---|---|\n");
            change.differences().forEach(difference -> entry.append("| ").append(text(difference.part()))
                    .append(" | ").append(cell(difference.before())).append(" | ").append(cell(difference.after()))
                    .append(" |\n"));
            if (!change.decidedBy().isEmpty()) {
                entry.append("\nDecided by: ").append(text(String.join("; ", change.decidedBy()))).append("\n");
            }
            entries.add(entry.toString());
        }
        return new Section(heading, impact.changes().size() + " of " + impact.evaluated()
                + " selections answer differently than with " + code(checked.options().against().toString())
                + " (ruleset " + code(impact.from()) + " to " + code(impact.to()) + ")"
                + (impact.changes().isEmpty() ? ": no buyer's answer changes." : ":"), entries, false);
    }

    private static Section coverage(Checked checked, Coverage coverage) {
        String intro = coverage.exercised() + " of " + coverage.rules() + " rules fire in a scenario"
                + (coverage.agenciesWithoutScenario().isEmpty() ? "; every agency has a scenario."
                        : "; no scenario selects " + text(String.join(", ", coverage.agenciesWithoutScenario()
                                .stream().map(Agency::code).toList())) + ".");
        List<String> entries = new ArrayList<>();
        checked.unexercisedByFile().forEach((file, rules) -> entries.add("- " + code(file) + ": " + text(String.join(
                ", ", rules.stream().map(rule -> "\"" + rule.rule() + "\" (line " + rule.line() + ")").toList()))));
        return new Section("Coverage", intro + (entries.isEmpty() ? "" : " The rules no scenario fires:"), entries,
                false);
    }

    private static String cell(String part) {
        return text(CheckCommand.orNone(part));
    }

    private static String problem(RuleProblem problem) {
        return "- " + code(problem.file() + ":" + problem.line() + ":" + problem.column()) + " "
                + text(problem.message()) + " (" + problem.code() + ")";
    }

    /** Text as Markdown shows it literally, in a paragraph or a table cell; an {@code @} mentions nobody. */
    static String text(String raw) {
        return raw.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
                .replace("[", "\\[").replace("@", "&#64;").replace("\n", " ");
    }

    /** Text as a code span, whatever backticks it holds. */
    static String code(String raw) {
        String fence = raw.contains("`") ? "`` " : "`";
        return fence + raw.replace("\n", " ") + new StringBuilder(fence).reverse();
    }
}
