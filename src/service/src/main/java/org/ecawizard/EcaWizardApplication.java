package org.ecawizard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.time.Clock;
import java.util.List;
import org.ecawizard.engine.CheckCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class EcaWizardApplication {

    /** Serves the wizard; {@code check ...} instead checks a rules directory and exits (see README). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) {
            // The report is the command's whole output: the engine's logs would only bury it.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
            }
            System.exit(CheckCommand.run(List.of(args).subList(1, args.length), System.out));
        }
        SpringApplication.run(EcaWizardApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
