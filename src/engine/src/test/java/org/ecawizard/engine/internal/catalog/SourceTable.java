package org.ecawizard.engine.internal.catalog;

import java.util.List;
import java.util.Map;

/**
 * What the public sources say of each application, written by hand from the pages each agency file cites (and
 * rules/sources/SOURCES.md lists); never read back from the rules under test. Per type: {@code +} accepted, {@code -}
 * rejected, {@code ?} unstated, each stated ({@code S}) or inferred ({@code I}), in the order Medium, Medium Token,
 * Medium Hardware.
 */
public final class SourceTable {

    /** An application as its sources have it. */
    public record Row(String evidence, String status, String noEca, String nonUs) {
    }

    private static Row types(String evidence, String status) {
        return new Row(evidence, status, null, "unstated");
    }

    /** An application that takes no ECA certificate: an ECA certificate will not get the buyer in, or none is needed. */
    private static Row none(String kind, String basis, String status) {
        String rejected = "-" + basis;
        return new Row(kind.equals("not-accepted") ? String.join(" ", rejected, rejected, rejected) : "? ? ?", status,
                kind, "unstated");
    }

    public static final Map<String, Row> SOURCES = Map.ofEntries(
            // IdenTrust's wizard: CANES "accepts both DoD ECA Medium Assurance and DoD ECA Medium Token Assurance".
            Map.entry("CANES", types("+S +S ?", "confirmed")),
            // IdenTrust's wizard: JPAS "accepts only DoD ECA Medium Token Assurance".
            Map.entry("JPAS", types("-S +S -S", "confirmed")),
            // DCSA's DISS FAQ: a certificate on a "smartcard/token"; no ECA type: Medium rejected by reading only.
            Map.entry("DISS", types("-I ? ?", "inferred")),
            // WAWF's support page: ECA certificates "not asserting hardware policy" screened out: Medium by reading.
            Map.entry("PIEE", types("-I ? ?", "inferred")),
            // A contractor's walkthrough of IdenTrust's wizard: Medium offered after SPAWAR (second-hand).
            Map.entry("SPAWAR", types("+S ? ?", "unconfirmed")),
            // Integrate: "select ECA Medium Token Assurance | Hardware Storage".
            Map.entry("INTEGRATE", types("? +S ?", "confirmed")),
            // Game Warden recommends Medium Token; "hardware tokens only" is for IL5, so Medium is unstated.
            Map.entry("GAME_WARDEN", types("? +S ?", "confirmed")),
            // CONS3RT: an ECA Medium software certificate or ECA Medium Token.
            Map.entry("CONS3RT", types("+S +S ?", "confirmed")),
            // FedMall: "a soft certificate", read as Medium (a 2017 guide that DLA's page replaces asked otherwise).
            Map.entry("FEDMALL", types("+I ? ?", "inferred")),
            // An ECA certificate, no type named.
            Map.entry("WICAP", types("? ? ?", "confirmed")),
            Map.entry("AF_PORTAL", types("? ? ?", "confirmed")),
            Map.entry("MYNAVSUP", types("? ? ?", "confirmed")),
            Map.entry("CPARS", types("? ? ?", "confirmed")),
            Map.entry("EMC2", types("? ? ?", "confirmed")),
            // A DISA page of 28 Feb 2008.
            Map.entry("DVS_WS", types("? ? ?", "unconfirmed")),
            // DI2E: the certificate "must indicate you are a U.S. Citizen".
            Map.entry("DI2E", new Row("? ? ?", "confirmed", null, "rejected")),
            // No certificate needed, each by reading: DIBCS (a final rule "modifying" the requirement, news for the
            // rest), SAM.gov (a law firm's report of Login.gov), SPRS (users come in through PIEE).
            Map.entry("DIBCS", none("not-needed", "I", "unconfirmed")),
            Map.entry("SAM_GOV", none("not-needed", "I", "unconfirmed")),
            Map.entry("SPRS", none("not-needed", "I", "inferred")),
            // An ECA certificate will not get the buyer in: stated by DoD SAFE's FAQ and the Cyber Exchange; NISP eMASS
            // asks for a CAC without mentioning ECA (a mirror of its documentation, and a guide that disagrees).
            Map.entry("DOD_SAFE", none("not-accepted", "S", "confirmed")),
            Map.entry("CYBER_EXCHANGE", none("not-accepted", "S", "confirmed")),
            Map.entry("NISP_EMASS", none("not-accepted", "I", "unconfirmed")),
            // The special entries state nothing of any type.
            Map.entry("NOT_LISTED", types("? ? ?", "confirmed")),
            Map.entry("NO_AFFILIATION", types("? ? ?", "confirmed")));

    /** The type codes in the order the table's columns give them. */
    public static final List<String> TYPES = List.of("MEDIUM_ASSURANCE", "MEDIUM_TOKEN_ASSURANCE",
            "MEDIUM_HARDWARE_ASSURANCE");

    private SourceTable() {
    }

    /**
     * @param row a row of the table
     * @return per type, "+S", "-I" or "?" as the row gives it
     */
    public static Map<String, String> byType(Row row) {
        String[] cells = row.evidence().split(" ");
        return Map.of(TYPES.get(0), cells[0], TYPES.get(1), cells[1], TYPES.get(2), cells[2]);
    }
}
