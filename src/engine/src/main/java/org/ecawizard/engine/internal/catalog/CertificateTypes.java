package org.ecawizard.engine.internal.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecawizard.facts.CertificateType;

/** The certificate types a ruleset declares, indexed once by code and ordered by the rules' rank. */
public final class CertificateTypes {

    private final Map<String, CertificateType> byCode = new LinkedHashMap<>();
    private final Comparator<String> byRank = Comparator.comparingInt(
            code -> byCode.containsKey(code) ? byCode.get(code).rank() : Integer.MAX_VALUE);

    /** @param declared the types as the rules declare them; the first of a code counts */
    public CertificateTypes(List<CertificateType> declared) {
        declared.stream().sorted(Comparator.comparingInt(CertificateType::rank))
                .forEach(type -> byCode.putIfAbsent(type.code(), type));
    }

    /** @return whether the rules declare no type */
    public boolean isEmpty() {
        return byCode.isEmpty();
    }

    /**
     * @param code a type code
     * @return whether the rules declare it
     */
    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    /** @return the codes, most suitable first */
    public Set<String> codes() {
        return byCode.keySet();
    }

    /**
     * @return an order of type codes as the rules rank the types, the most suitable first; a code not declared
     *         comes last
     */
    public Comparator<String> byRank() {
        return byRank;
    }
}
