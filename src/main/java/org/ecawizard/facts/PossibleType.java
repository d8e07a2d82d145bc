package org.ecawizard.facts;

import java.util.List;

/**
 * A type that no selected application rejects, but that the sources of some do not state.
 *
 * @param unstatedFor the selected applications whose sources are silent about it
 */
public record PossibleType(String type, String title, List<String> unstatedFor) {
}
