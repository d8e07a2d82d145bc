package org.ecawizard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The service is a back end of the engine like any other: it reaches the rules through the engine's API package
 * alone, never through the engine's workings, so that the API is enough to build a service on.
 */
class EngineApiTest {

    @Test
    void theServiceUsesOnlyTheEnginesApi() throws URISyntaxException {
        // The service's own classes, wherever the build put them; the engine's are elsewhere on the class path.
        JavaClasses service = new ClassFileImporter().importPath(Path.of(EcaWizardApplication.class
                .getProtectionDomain().getCodeSource().getLocation().toURI()));
        assertThat(service.contain(EcaWizardApplication.class)).isTrue();
        noClasses().should().dependOnClassesThat().resideInAPackage("org.ecawizard.engine.internal..")
                .because("the engine's API is org.ecawizard.engine; its internal packages may change without notice")
                .check(service);
    }
}
