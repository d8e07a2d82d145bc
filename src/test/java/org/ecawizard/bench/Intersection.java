package org.ecawizard.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecawizard.catalog.Agency;
import org.ecawizard.catalog.AgencyCatalog;

/**
 * The benchmarks' baseline: the sure types computed in plain Java from the catalog the rules declare, by
 * intersecting the accepted types of the selected agencies that take ECA certificates (those that do not reject
 * every type). It answers only {@code certificateTypes}; the rules also weigh what sources leave unstated,
 * explain, cover conflicts and decide what to buy.
 */
final class Intersection {

    private final Map<String, List<String>> accepted = new HashMap<>();
    private final Set<String> takesNoEca = new java.util.HashSet<>();

    Intersection(AgencyCatalog catalog) {
        catalog.all().forEach(agency -> {
            accepted.put(agency.code(), agency.acceptedTypes());
            if (agency.acceptedTypes().isEmpty() && agency.unstatedTypes().isEmpty()) {
                takesNoEca.add(agency.code());
            }
        });
    }

    /** The types every selected agency that takes ECA certificates is stated to accept, in the catalog's rank order. */
    List<String> offered(List<String> codes) {
        Set<String> common = null;
        for (String code : codes) {
            String agency = code.strip().toUpperCase(java.util.Locale.ROOT);
            List<String> types = accepted.get(agency);
            if (types == null) {
                throw new IllegalArgumentException("unknown agency " + code);
            }
            if (takesNoEca.contains(agency)) {
                continue;
            }
            if (common == null) {
                common = new LinkedHashSet<>(types);
            } else {
                common.retainAll(types);
            }
        }
        return common == null ? List.of() : new ArrayList<>(common);
    }

    /** The agencies, for the smoke test to compare against the rules. */
    static List<String> codes(AgencyCatalog catalog) {
        return catalog.all().stream().map(Agency::code).toList();
    }
}
