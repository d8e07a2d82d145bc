package org.ecawizard.engine.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drools reads a fact's field through its accessor, and takes an accessor whose name starts with "is" for a bean's
 * boolean getter: a record component named {@code issuer} is seen as a property {@code suer}, and a rule that binds
 * {@code $x : issuer} does not compile ("Field Reader does not exist"). No fact may have such a name. (This test
 * lives outside the facts package: a test class there would hide the package's classes from the confinement's
 * listing of it.)
 */
class FactNamesTest {

    @Test
    void noFactFieldStartsWithIs() throws Exception {
        List<String> clashing = new ArrayList<>();
        List<String> types;
        try (var files = Files.list(Path.of("src/engine/src/main/java/org/ecawizard/facts"))) {
            types = files.map(file -> file.getFileName().toString().replace(".java", ""))
                    .filter(name -> !name.equals("package-info")).toList();
        }
        assertThat(types).contains("HeldChain", "Evidence");
        for (String type : types) {
            Class<?> fact = Class.forName("org.ecawizard.facts." + type);
            for (RecordComponent component : fact.isRecord() ? fact.getRecordComponents() : new RecordComponent[0]) {
                if (component.getName().startsWith("is")) {
                    clashing.add(type + "." + component.getName());
                }
            }
        }
        assertThat(clashing).isEmpty();
    }
}
