package org.ecawizard.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecawizard.engine.internal.gate.AnswerParts;
import org.ecawizard.engine.internal.recommendation.Recommender;
import org.ecawizard.engine.internal.ruleset.Ruleset;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every logged decision (a JSON object per line, after any log prefix) with a candidate ruleset and lists
 * each one whose sure types or purchase would change.
 */
final class Replay {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Replay() {
    }

    /** @return each changed decision (one entry of three lines), then a summary line */
    static List<String> of(Ruleset ruleset, Path log, Recommender recommender) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            return List.of("replay: cannot read " + log + ": " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        int read = 0;
        int changed = 0;
        int unreadable = 0;
        for (String line : lines) {
            int json = line.indexOf('{');
            if (json < 0) {
                continue;
            }
            LoggedDecision logged;
            try {
                logged = JSON.readValue(line.substring(json), LoggedDecision.class);
            } catch (JacksonException e) {
                unreadable++;
                continue;
            }
            if (logged.agencies() == null || logged.certificateTypes() == null) {
                unreadable++;
                continue;
            }
            read++;
            boolean withPurchase = logged.purchase() != null;
            String before = logged.outcome(withPurchase);
            String after;
            try {
                after = LoggedDecision.of(logged.at(), logged.requestId(),
                        recommender.recommend(ruleset, logged.choice(), false)).outcome(withPurchase);
            } catch (SelectionRefusedException | RulesDidNotSettleException e) {
                after = AnswerParts.unanswered(e).get("answer");
            }
            if (!before.equals(after)) {
                changed++;
                out.add("  " + logged.requestId() + ": " + String.join(" + ", logged.agencies())
                        + (logged.residesInUs() ? "" : " (outside the U.S.)") + "\n    " + before + " (ruleset "
                        + logged.rulesetVersion() + ")\n -> " + after);
            }
        }
        out.add("replay: " + changed + " of " + read + " logged decisions answer differently with ruleset "
                + ruleset.version() + (unreadable > 0 ? "; " + unreadable + " lines were not decisions" : ""));
        return out;
    }
}
