package org.ecawizard.delivery;

import java.time.Clock;
import org.ecawizard.engine.EcaRules;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts checking the rules ({@code eca.rules}) as soon as Spring has read the configuration, before it makes any
 * bean: the compile and the gate are most of a start, and they run on a thread of their own while Spring makes the
 * rest of the service. {@link RulesetService} takes them; the service takes no request before they passed. The
 * context closes them, also when it fails before any bean took them.
 */
class RulesetOpening implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        RulesetProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate("eca.rules", RulesetProperties.class);
        RulesetService.Opening opening = RulesetService.Opening.start(properties, Clock.systemUTC());
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("rulesetOpening", opening);
        beans.registerDisposableBean("rulesetOpening", () -> opening.rules().thenAccept(EcaRules::close));
    }
}
