package org.ecawizard.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service starts only on sound rules, and a refused candidate leaves the ruleset in service alone. */
class RulesetServiceTest {

    @TempDir
    Path rules;

    @Test
    void brokenRulesStopTheStart() throws IOException {
        ShippedRules.copyTo(rules);
        Files.writeString(rules.resolve("agencies/JPAS.drl"), "rule \"half a rule\" when");

        assertThatThrownBy(() -> new RulesetService(new RulesetProperties(rules, 1000), Clock.systemUTC()))
                .isInstanceOf(InvalidRulesetException.class)
                .hasMessageContaining(rules + "/agencies/JPAS.drl:1:23: [ERR 102]");
    }

    @Test
    void aMissingDirectoryServesTheBundledRules() {
        RulesetService service = new RulesetService(new RulesetProperties(rules.resolve("absent"), 1000),
                Clock.systemUTC());

        assertThat(service.current().source().location()).isEqualTo("classpath:bundled-rules");
        assertThat(service.current().version()).isEqualTo(ShippedRules.ruleset().version());
    }

    @Test
    void aRefusedCandidateKeepsTheRulesetInServiceAndShowsWhy() throws IOException {
        ShippedRules.copyTo(rules);
        RulesetService service = new RulesetService(new RulesetProperties(rules, 1000), Clock.systemUTC());
        String serving = service.current().version();
        Files.writeString(rules.resolve("agencies/JPAS.drl"), "rule \"half a rule\" when");

        assertThat(service.reload()).isFalse();

        assertThat(service.current().version()).isEqualTo(serving);
        assertThat(service.lastFailure().problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.file()).endsWith("agencies/JPAS.drl"));
        assertThat(service.lastFailure().version()).isNotEqualTo(serving);
    }

    @Test
    void aSoundCandidateGoesIntoService() throws IOException {
        ShippedRules.copyTo(rules);
        RulesetService service = new RulesetService(new RulesetProperties(rules, 1000), Clock.systemUTC());
        Path jpas = rules.resolve("agencies/JPAS.drl");
        Files.writeString(jpas, Files.readString(jpas).replace("insert(new Acceptance(\"JPAS\", \"MEDIUM_TOKEN_ASSURANCE\"));",
                "insert(new Acceptance(\"JPAS\", \"MEDIUM_TOKEN_ASSURANCE\"));\n    insert(new Acceptance(\"JPAS\", \"MEDIUM_HARDWARE_ASSURANCE\"));"));

        assertThat(service.reload()).isTrue();

        assertThat(service.current().catalog().find("JPAS").orElseThrow().acceptedTypes())
                .containsExactly("MEDIUM_TOKEN_ASSURANCE", "MEDIUM_HARDWARE_ASSURANCE");
        assertThat(service.lastFailure()).isNull();
    }
}
