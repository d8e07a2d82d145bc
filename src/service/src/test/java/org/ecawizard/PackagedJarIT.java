package org.ecawizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecawizard.engine.internal.ruleset.RuleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Runs the packaged jar as a user would: {@code java -jar}, from a directory without rules/. */
class PackagedJarIT {

    @TempDir
    Path workDir;

    @Test
    void theJarAnswersTheSeedExampleFromItsBundledRules() throws Exception {
        assertThat(RunningJar.JAR).exists();
        assertThat(workDir.resolve("rules")).doesNotExist();
        try (RunningJar jar = RunningJar.start(workDir)) {
            var answer = jar.post("/api/recommendations", "{\"agencies\": [\"CANES\", \"JPAS\"]}");

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode body = jar.recommend("{\"agencies\": [\"CANES\", \"JPAS\"]}");
            assertThat(body.get("certificateTypes").toString()).isEqualTo("[\"MEDIUM_TOKEN_ASSURANCE\"]");
            assertThat(body.get("rulesetVersion").asString())
                    .isEqualTo(RuleSource.fromDirectory(Path.of("rules")).version());
            assertThat(jar.get("/api/ruleset").get("location").asString()).isEqualTo("classpath:bundled-rules");
        }
    }

    @Test
    void theJarCarriesItsSoftwareBillOfMaterials() throws IOException {
        try (var jar = new java.util.jar.JarFile(RunningJar.JAR.toFile())) {
            var sbom = jar.getEntry("META-INF/sbom/application.cdx.json");
            assertThat(sbom).isNotNull();
            String bom = new String(jar.getInputStream(sbom).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bom).contains("\"bomFormat\" : \"CycloneDX\"", "drools-engine", "spring-boot");
        }
    }

    @Test
    void theJarRefusesToStartOnBrokenRulesAndSaysWhere() throws Exception {
        Path rules = workDir.resolve("my-rules");
        Files.createDirectories(rules.resolve("agencies"));
        Files.writeString(rules.resolve("agencies/BROKEN.drl"), """
                package agencies;

                rule "BROKEN accepts"
                when
                    Selection(agency == "BROKEN"
                then
                end
                """);
        try (RunningJar jar = RunningJar.start(workDir, "--eca.rules.dir=" + rules)) {
            assertThat(jar.exitCode()).isNotZero();
            assertThat(jar.output()).contains("APPLICATION FAILED TO START")
                    .contains(rules + "/agencies/BROKEN.drl:6:0:");
        }
    }

    @Test
    void theJarRefusesToStartOnARuleThatReachesBeyondTheFacts() throws Exception {
        Path rules = workDir.resolve("my-rules");
        org.ecawizard.engine.internal.ruleset.ShippedRules.copyTo(rules);
        Path marker = workDir.resolve("marker");
        Files.writeString(rules.resolve("agencies/FILES_WRITE.drl"), Files.readString(
                Path.of("src/service/src/test/resources/hostile/FILES_WRITE.drl")).replace("MARKER", marker.toString()));
        try (RunningJar jar = RunningJar.start(workDir, "--eca.rules.dir=" + rules)) {
            assertThat(jar.exitCode()).isNotZero();
            assertThat(jar.output()).contains("APPLICATION FAILED TO START")
                    .contains(rules + "/agencies/FILES_WRITE.drl:12:5: not allowed in rules: the call"
                            + " java.nio.file.Files.writeString()");
            assertThat(marker).doesNotExist();
        }
    }
}
