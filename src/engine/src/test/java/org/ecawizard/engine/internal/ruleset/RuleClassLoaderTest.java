package org.ecawizard.engine.internal.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ecawizard.facts.Buyer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * The second wall, tested without the first: rules compiled straight with Drools against the rules' class loader,
 * with no confinement check, still cannot name the file system, nor reach it by name at run time.
 */
class RuleClassLoaderTest {

    @TempDir
    Path work;

    private KieBuilder build(String consequence) {
        KieServices kie = KieServices.get();
        ReleaseId release = kie.newReleaseId("org.ecawizard", "loader-test", String.valueOf(System.nanoTime()));
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(release);
        files.write("src/main/resources/wizard/hostile.drl", """
                package wizard;
                import org.ecawizard.facts.*;
                rule "hostile"
                when
                    Buyer()
                then
                %s
                end
                """.formatted(consequence));
        return kie.newKieBuilder(files, new RuleClassLoader(getClass().getClassLoader())).buildAll();
    }

    @Test
    void codeThatNamesTheFileSystemDoesNotCompile() {
        Path marker = work.resolve("marker");
        KieBuilder built = build("java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"ran\");");

        assertThat(built.getResults().getMessages(Message.Level.ERROR)).isNotEmpty()
                .anySatisfy(error -> assertThat(error.getText()).contains("java.nio.file").contains("cannot be resolved"));
        assertThat(marker).doesNotExist();
    }

    @Test
    void codeThatAsksForTheFileSystemByNameFailsWhenItRuns() {
        KieBuilder built = build("""
                try {
                    Class.forName("java.nio.file.Files");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                """);
        assertThat(built.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        KieServices kie = KieServices.get();
        KieContainer container = kie.newKieContainer(built.getKieModule().getReleaseId(),
                new RuleClassLoader(getClass().getClassLoader()));
        KieSession session = container.newKieSession();
        try {
            session.insert(new Buyer(true, "unstated"));
            // Drools caches the class it could not find and reports it with its own ClassNotFoundException.
            assertThatThrownBy(session::fireAllRules).hasStackTraceContaining("ClassNotFoundException")
                    .hasStackTraceContaining("java.nio.file.Files");
        } finally {
            session.dispose();
            container.dispose();
        }
    }

    @Test
    void theJdkCoreStaysAvailable() throws Exception {
        ClassLoader rules = new RuleClassLoader(getClass().getClassLoader());

        assertThat(rules.loadClass("java.util.ArrayList")).isEqualTo(java.util.ArrayList.class);
        assertThat(rules.loadClass("java.lang.String")).isEqualTo(String.class);
        assertThat(rules.getResource("java/lang/Throwable.class")).isNotNull();
        assertThat(rules.getResource("java/nio/file/Files.class")).isNull();
        assertThatThrownBy(() -> rules.loadClass("java.lang.ProcessBuilder")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aNameTheParentDoesNotHaveIsAskedForOncePerParent() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        ClassLoader parent = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked.add(name);
                return super.loadClass(name, resolve);
            }

            @Override
            public URL getResource(String name) {
                asked.add(name);
                return super.getResource(name);
            }
        };
        for (int ruleset = 0; ruleset < 3; ruleset++) {
            ClassLoader rules = new RuleClassLoader(parent);
            assertThatThrownBy(() -> rules.loadClass("agencies.Evidence")).isInstanceOf(ClassNotFoundException.class);
            assertThat(rules.getResource("agencies/Evidence.class")).isNull();
            assertThat(rules.loadClass("org.ecawizard.facts.Buyer")).isEqualTo(Buyer.class);
            assertThat(rules.getResource("org/ecawizard/facts/Buyer.class")).isNotNull();
            assertThatThrownBy(() -> rules.loadClass("java.nio.file.Files")).isInstanceOf(ClassNotFoundException.class);
        }

        // What the parent has is asked for each time; what it lacks, once; what is denied, never.
        assertThat(asked).filteredOn(name -> name.contains("Evidence")).containsExactly("agencies.Evidence",
                "agencies/Evidence.class");
        assertThat(asked).filteredOn(name -> name.contains("Buyer")).hasSize(6);
        assertThat(asked).noneMatch(name -> name.contains("nio"));
    }

    @Test
    void whatOneParentLacksIsNotTakenAsLackingFromAnother() throws Exception {
        ClassLoader without = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Buyer.class.getName())) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };

        assertThatThrownBy(() -> new RuleClassLoader(without).loadClass(Buyer.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(new RuleClassLoader(getClass().getClassLoader()).loadClass(Buyer.class.getName()))
                .isEqualTo(Buyer.class);
    }
}
