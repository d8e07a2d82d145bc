package org.ecawizard.ruleset;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Listens to one session: records each fact with the rule that inserted it, so every conclusion can say
 * which rule made it, and the rules that fired, in order. One instance per session; not shared.
 */
final class ConclusionRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final RuleIndex index;
    private final List<Conclusion<?>> conclusions = new ArrayList<>();
    private final List<RuleLocation> fired = new ArrayList<>();

    ConclusionRecorder(RuleIndex index) {
        this.index = index;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        conclusions.add(new Conclusion<>(event.getObject(), nameOf(event.getRule())));
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        for (int i = 0; i < conclusions.size(); i++) {
            if (conclusions.get(i).fact() == event.getOldObject()) {
                conclusions.set(i, new Conclusion<>(event.getObject(), conclusions.get(i).rule()));
            }
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        conclusions.removeIf(c -> c.fact() == event.getOldObject());
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(index.locate(event.getMatch().getRule()));
    }

    Evaluation evaluation() {
        return new Evaluation(List.copyOf(conclusions), List.copyOf(fired));
    }

    private static String nameOf(Rule rule) {
        return rule == null ? "" : rule.getName();
    }
}
