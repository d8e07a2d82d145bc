package org.ecawizard.engine.internal.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.Choice;
import org.ecawizard.engine.internal.catalog.AgencyCatalog;
import org.ecawizard.engine.internal.ruleset.RuleFile;
import org.ecawizard.engine.internal.ruleset.RuleSource;

/**
 * What the answer to a selection is made of, so that a gate can tell whether a later ruleset must answer it again.
 * A session holds the selected agencies' {@code Selection} facts and the buyer; an agency file's one rule matches
 * only its own agency (the narrow profile of {@code agencies/} sees to it), so only the selected agencies' files and
 * every other {@code .drl} file can take part. The paths of all {@code .drl} files count too: they decide the order
 * the rules load in, which orders the conclusions of rules of equal salience; and so does where the files are, which
 * every answer names its rules by.
 *
 * @param shared   a digest of the location, every {@code .drl} path and every {@code .drl} file but the agencies'
 * @param agencies a digest of each agency's file, by code
 */
public record AnswerInputs(String shared, Map<String, String> agencies) {

    static AnswerInputs of(RuleSource source, AgencyCatalog catalog) {
        Map<String, RuleFile> byShownPath = source.files().stream()
                .collect(Collectors.toMap(file -> source.pathOf(file.path()), file -> file));
        Map<String, String> agencies = new HashMap<>();
        for (Agency agency : catalog.all()) {
            RuleFile file = byShownPath.get(agency.file());
            agencies.put(agency.code(), file == null ? "" : RuleSource.digest(List.of(file.path(), file.content())));
        }
        Set<String> agencyFiles = catalog.all().stream().map(Agency::file).collect(Collectors.toSet());
        List<RuleFile> drl = source.files().stream().filter(RuleFile::isDrl).toList();
        List<String> parts = new ArrayList<>();
        parts.add(source.location());
        drl.forEach(file -> parts.add(file.path()));
        drl.stream().filter(file -> !agencyFiles.contains(source.pathOf(file.path())))
                .forEach(file -> parts.add(file.content()));
        return new AnswerInputs(RuleSource.digest(parts), Map.copyOf(agencies));
    }

    /**
     * @param choice  a selection of agencies this ruleset's catalog knows
     * @param earlier the inputs of another ruleset
     * @return whether that ruleset's answer to the choice is this one's too (but for the version it names)
     */
    boolean sameAs(AnswerInputs earlier, Choice choice) {
        return shared.equals(earlier.shared) && choice.agencies().stream()
                .allMatch(code -> agencies.containsKey(code) && Objects.equals(agencies.get(code),
                        earlier.agencies.get(code)));
    }
}
