package org.ecawizard.ruleset;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.command.Command;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;

/** Runs facts through a rule base: a fresh stateless session per run, fired at most {@code fireLimit} times. */
final class RuleRunner {

    private final KieBase base;
    private final RuleIndex index;
    private final int fireLimit;

    RuleRunner(KieBase base, RuleIndex index, int fireLimit) {
        this.base = base;
        this.index = index;
        this.fireLimit = fireLimit;
    }

    Evaluation evaluate(List<?> facts) {
        StatelessKieSession session = base.newStatelessKieSession();
        ConclusionRecorder recorder = new ConclusionRecorder(index);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        session.addEventListener((AgendaEventListener) recorder);
        List<Command<?>> commands = new ArrayList<>();
        facts.forEach(fact -> commands.add(CommandFactory.newInsert(fact)));
        commands.add(CommandFactory.newFireAllRules(fireLimit));
        session.execute(CommandFactory.newBatchExecution(commands));
        Evaluation evaluation = recorder.evaluation();
        if (evaluation.fired().size() >= fireLimit) {
            throw new RulesDidNotSettleException(fireLimit);
        }
        return evaluation;
    }
}
