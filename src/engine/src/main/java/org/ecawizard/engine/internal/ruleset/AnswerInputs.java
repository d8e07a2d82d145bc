package org.ecawizard.engine.internal.ruleset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the answer to a selection is made of, so that a later ruleset can tell which of an earlier one's answers are
 * its own. A session holds the selected agencies' {@code Selection} facts and the buyer; an agency file's one rule
 * matches only its own agency (the narrow profile of {@code agencies/} sees to it), so only the selected agencies'
 * files and every other {@code .drl} file can take part. The paths of all {@code .drl} files count too: they decide
 * the order the rules load in, which orders the conclusions of rules of equal salience; and so does where the files
 * are, which every answer names its rules by; and the fire limit, past which an answer is a runaway instead.
 *
 * @param shared   a digest of the fire limit, the location, every {@code .drl} path and every {@code .drl} file but
 *                 the agencies'
 * @param agencies a digest of each agency's file, by code
 */
public record AnswerInputs(String shared, Map<String, String> agencies) {

    /**
     * @param source    a ruleset's files
     * @param fireLimit the most rule firings one evaluation may take
     * @return what their answers are made of
     */
    public static AnswerInputs of(RuleSource source, int fireLimit) {
        Map<String, String> agencies = new HashMap<>();
        List<String> shared = new ArrayList<>();
        shared.add(String.valueOf(fireLimit));
        shared.add(source.location());
        List<RuleFile> drl = source.files().stream().filter(RuleFile::isDrl).toList();
        drl.forEach(file -> shared.add(file.path()));
        for (RuleFile file : drl) {
            if (file.path().startsWith(AgencyFiles.FOLDER)) {
                agencies.put(AgencyFiles.codeOf(file.path()), RuleSource.digest(List.of(file.path(), file.content())));
            } else {
                shared.add(file.content());
            }
        }
        return new AnswerInputs(RuleSource.digest(shared), Map.copyOf(agencies));
    }

    /**
     * @param earlier the inputs of another ruleset
     * @param codes   agencies of this ruleset
     * @return whether that ruleset answers a selection of these agencies as this one does (but for its version)
     */
    public boolean sameAs(AnswerInputs earlier, List<String> codes) {
        return shared.equals(earlier.shared) && codes.stream().allMatch(code -> agencies.containsKey(code)
                && Objects.equals(agencies.get(code), earlier.agencies.get(code)));
    }
}
