package org.ecawizard.engine.internal.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ecawizard.engine.Agency;

/**
 * The agency applications a ruleset declares, ordinary applications by code, then the special entries; and the
 * certificate types they are stated to accept or reject.
 */
public final class AgencyCatalog {

    private static final int MAX_SUGGESTIONS = 3;

    private final Map<String, Agency> byCode = new LinkedHashMap<>();
    private final CertificateTypes types;

    /**
     * @param agencies the applications, as their rule files declare them; the first of a code counts
     * @param types    the certificate types the ruleset declares
     */
    public AgencyCatalog(List<Agency> agencies, CertificateTypes types) {
        this.types = types;
        agencies.stream()
                .sorted(Comparator.comparing(Agency::special).thenComparing(Agency::code))
                .forEach(agency -> byCode.put(agency.code(), agency));
    }

    /** @return the certificate types the ruleset declares */
    public CertificateTypes types() {
        return types;
    }

    /** @return every application, ordinary ones by code, then the special entries */
    public List<Agency> all() {
        return List.copyOf(byCode.values());
    }

    /**
     * @param code an agency code, exactly as declared
     * @return the application, or empty when the catalog has no such code
     */
    public Optional<Agency> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** @return how many applications (and special entries) the catalog has */
    public int size() {
        return byCode.size();
    }

    /**
     * The codes a caller probably meant by an unknown code: close in spelling, or whose title names it
     * (NAVWAR finds SPAWAR, "Space and Naval Warfare Systems Command (now NAVWAR)").
     *
     * @param unknown the code as given
     * @return at most three codes, the closest first; empty when none is close
     */
    public List<String> suggestionsFor(String unknown) {
        String wanted = unknown.toUpperCase(Locale.ROOT);
        int tolerance = Math.max(1, wanted.length() / 3);
        return byCode.values().stream()
                .filter(a -> distance(wanted, a.code()) <= tolerance
                        || wanted.length() >= 3 && a.title().toUpperCase(Locale.ROOT).contains(wanted))
                .sorted(Comparator.comparingInt(a -> distance(wanted, a.code())))
                .limit(MAX_SUGGESTIONS)
                .map(Agency::code)
                .toList();
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
