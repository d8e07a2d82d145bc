package org.ecawizard;

import org.ecawizard.engine.CheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EcaWizardApplication {

    /** Serves the wizard; {@code check ...} instead checks a rules directory and exits (see README). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("check")) {
            CheckCommand.main(args);
        }
        SpringApplication.run(EcaWizardApplication.class, args);
    }
}
