package org.ecawizard.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ecawizard.engine.Agency;
import org.ecawizard.engine.internal.catalog.AgencyCatalog;

/**
 * The benchmarks' baseline: the sure types computed in plain Java from the catalog the rules declare, by
 * intersecting the types that the selected agencies which limit the type are stated to accept. An agency that takes
 * no ECA certificate limits nothing; nor does an entry that names no application, and when only such an entry
 * remains, every type will do. It answers only {@code certificateTypes}; the rules also weigh what sources leave
 * unstated or only imply, explain, cover conflicts and decide what to buy.
 */
final class Intersection {

    private final Map<String, List<String>> stated = new HashMap<>();
    private final Set<String> takesNoEca = new HashSet<>();
    private final Set<String> anyType = new HashSet<>();
    private final List<String> every;

    Intersection(AgencyCatalog catalog) {
        every = catalog.types().codes().stream().sorted(catalog.types().byRank()).toList();
        catalog.all().forEach(agency -> {
            stated.put(agency.code(), agency.evidence().stream()
                    .filter(item -> item.stance().equals("accepted") && item.basis().equals("stated"))
                    .map(Agency.TypeEvidence::type).sorted(catalog.types().byRank()).toList());
            if (agency.noEca() != null) {
                takesNoEca.add(agency.code());
            }
            if (agency.anyType()) {
                anyType.add(agency.code());
            }
        });
    }

    /** The types every selected agency that limits the type is stated to accept, in the catalog's rank order. */
    List<String> offered(List<String> codes) {
        Set<String> common = null;
        boolean unlimited = false;
        for (String code : codes) {
            String agency = code.strip().toUpperCase(Locale.ROOT);
            List<String> types = stated.get(agency);
            if (types == null) {
                throw new IllegalArgumentException("unknown agency " + code);
            }
            unlimited |= anyType.contains(agency);
            if (takesNoEca.contains(agency) || anyType.contains(agency)) {
                continue;
            }
            if (common == null) {
                common = new LinkedHashSet<>(types);
            } else {
                common.retainAll(types);
            }
        }
        return common != null ? new ArrayList<>(common) : unlimited ? every : List.of();
    }

    /** The agencies, for the smoke test to compare against the rules. */
    static List<String> codes(AgencyCatalog catalog) {
        return catalog.all().stream().map(Agency::code).toList();
    }
}
