package org.ecawizard.engine;

import java.util.ArrayList;
import java.util.List;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.Ruleset;

/**
 * An agency file read back in plain words ({@code check --explain CODE}): what the ruleset holds of the application,
 * type by type, as the catalog and an answer show it, then the answer a buyer who selects it alone reads. The analyst
 * sees what they wrote as a buyer will, before it goes live.
 */
final class Explanation {

    private Explanation() {
    }

    /**
     * @param ruleset the compiled ruleset
     * @param recommender answers the selection of the application alone
     * @param code    the application's code
     * @return the lines to print
     * @throws java.util.NoSuchElementException when the ruleset has no such application
     */
    static List<String> of(Ruleset ruleset, Recommender recommender, String code) {
        Agency agency = ruleset.catalog().find(code).orElseThrow();
        List<String> lines = new ArrayList<>();
        lines.add(agency.code() + ": " + agency.title() + " (" + agency.status() + "), " + agency.file() + ":"
                + agency.line());
        lines.add("  source: " + agency.source() + (agency.sourceDate().isEmpty() ? "" : ", dated "
                + agency.sourceDate()));
        for (Agency.TypeEvidence evidence : agency.evidence()) {
            lines.add("  " + evidence.type() + ": " + evidence.stance() + ", " + evidence.basis() + ": "
                    + ("stated".equals(evidence.basis()) ? "\"" + evidence.quote() + "\"" : evidence.reading())
                    + " (" + evidence.source() + ")");
        }
        agency.unstatedTypes().forEach(type -> lines.add("  " + type + ": "
                + (agency.anyType() ? "any type will do" : "no source says")));
        if (agency.noEca() != null) {
            lines.add("  takes no ECA certificate (" + agency.noEca().kind() + ", " + agency.noEca().basis() + "): "
                    + agency.noEca().why() + " Instead: " + agency.noEca().instead() + " (" + agency.noEca().source()
                    + ")");
        }
        if ("rejected".equals(agency.nonUs())) {
            lines.add("  takes only certificates that show a U.S. citizen");
        }
        if (!"active".equals(agency.lifecycle().state())) {
            lines.add("  " + agency.lifecycle().state() + " since " + agency.lifecycle().since()
                    + (agency.lifecycle().replacedBy() == null ? "" : ", replaced by " + agency.lifecycle().replacedBy())
                    + " (" + agency.lifecycle().source() + ")");
        }
        if (!agency.note().isEmpty()) {
            lines.add("  note: " + agency.note());
        }
        Recommendation answer = recommender.recommend(ruleset, new Choice(List.of(code), true), false);
        lines.add("A buyer in the U.S. who selects " + code + " alone reads:");
        if (answer.headline() != null) {
            lines.add("  " + answer.headline().fact().text() + " (" + answer.headline().fact().source() + ")");
        }
        answer.purchase().stream().map(Conclusion::fact)
                .forEach(p -> lines.add("  buy: " + p.title() + ": " + p.summary()));
        answer.reasons().stream().map(Conclusion::fact)
                .forEach(r -> lines.add("  why: " + r.text() + " (" + r.source() + ")"));
        answer.warnings().stream().map(Conclusion::fact)
                .forEach(w -> lines.add("  warning: " + w.text() + " (" + w.source() + ")"));
        return lines;
    }
}
