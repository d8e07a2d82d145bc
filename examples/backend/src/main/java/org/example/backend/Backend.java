package org.example.backend;

import java.util.List;
import org.ecawizard.engine.EcaRules;
import org.ecawizard.engine.Recommendation;
import org.ecawizard.engine.SelectionRefusedException;

/** A back end answering from the bundled ECA rules in its own JVM: the seed example, then a selection it refuses. */
public final class Backend {

    private Backend() {
    }

    public static void main(String[] args) {
        // The rules go through the service's gate here; close() lets their sessions go.
        try (EcaRules rules = EcaRules.bundled()) {
            Recommendation answer = rules.recommend(List.of("CANES", "JPAS"));
            System.out.println("CANES + JPAS: buy " + answer.certificateTypes() + " (ruleset " + answer.rulesetVersion() + ")");
            answer.purchase().forEach(buy -> System.out.println("  " + buy.fact().title() + ": " + buy.fact().summary()
                    + " [" + buy.fact().source() + "]"));
            try {
                rules.recommend(List.of("CANES", "JPASS"));
            } catch (SelectionRefusedException refused) {
                System.out.println("CANES + JPASS: refused: " + refused.getMessage());
            }
        }
    }
}
