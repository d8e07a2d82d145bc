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
 * The benchmarks' baseline: the offered types computed in plain Java from the catalog the rules declare, by
 * intersecting the accepted types of the selected agencies that take ECA certificates. It answers only
 * {@code certificateTypes}; the rules also explain, cover conflicts and pick products.
 */
final class Intersection {

    private final Map<String, List<String>> accepted = new HashMap<>();

    Intersection(AgencyCatalog catalog) {
        catalog.all().forEach(agency -> accepted.put(agency.code(), agency.acceptedTypes()));
    }

    /** The types every selected agency that takes ECA certificates accepts, in the catalog's rank order. */
    List<String> offered(List<String> codes) {
        Set<String> common = null;
        for (String code : codes) {
            List<String> types = accepted.get(code.strip().toUpperCase(java.util.Locale.ROOT));
            if (types == null) {
                throw new IllegalArgumentException("unknown agency " + code);
            }
            if (types.isEmpty()) {
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
