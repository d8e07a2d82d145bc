package org.ecawizard.engine.internal.ruleset;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecawizard.engine.Conclusion;
import org.ecawizard.engine.RuleLocation;
import org.ecawizard.facts.Evidence;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Listens to one session: records each fact with the rule that inserted it, so every conclusion can say
 * which rule made it, and the rules that fired, in order. A fact read off an agency file's {@link Evidence} is
 * credited to the rule that wrote that evidence: the wizard's reading of a statement adds nothing to it, and the
 * analyst's file is where the answer's evidence is to be checked. One instance per session; not shared.
 */
final class ConclusionRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final RuleIndex index;
    private final List<Conclusion<?>> conclusions = new ArrayList<>();
    private final List<RuleLocation> fired = new ArrayList<>();
    /** Each Evidence fact with the rule that wrote it. */
    private final Map<Object, String> writers = new IdentityHashMap<>();
    /** The rule of the agency file whose Evidence the firing rule reads, or null. */
    private String evidenceWriter;

    ConclusionRecorder(RuleIndex index) {
        this.index = index;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        String rule = nameOf(event.getRule());
        if (event.getObject() instanceof Evidence) {
            writers.put(event.getObject(), rule);
        }
        conclusions.add(new Conclusion<>(event.getObject(), evidenceWriter != null ? evidenceWriter : rule));
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
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        // Only a reading of one statement is credited to its writer; a rule that weighs several is the wizard's.
        List<String> read = event.getMatch().getObjects().stream().map(writers::get).filter(Objects::nonNull).toList();
        evidenceWriter = read.size() == 1 ? read.get(0) : null;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        evidenceWriter = null;
        fired.add(index.locate(event.getMatch().getRule()));
    }

    Evaluation evaluation() {
        return new Evaluation(List.copyOf(conclusions), List.copyOf(fired));
    }

    private static String nameOf(Rule rule) {
        return rule == null ? "" : rule.getName();
    }
}
