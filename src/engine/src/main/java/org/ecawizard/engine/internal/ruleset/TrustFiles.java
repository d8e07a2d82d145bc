package org.ecawizard.engine.internal.ruleset;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecawizard.engine.RuleProblem;

/**
 * The gate's reading of a ruleset's trust store: the PEM files under {@code trust/}, one ECA CA certificate each, and
 * the table of {@code sources/SOURCES.md} that lists each file with where it came from, its SHA-256 fingerprint and
 * its validity. A file that is no CA certificate or holds anything else, that no row lists, whose fingerprint, names
 * or dates differ from its row, or that leads to no root of the store, is refused at its line; so is a row without a
 * file, or a second row for one.
 */
final class TrustFiles {

    /** The header a trust store table of SOURCES.md starts with. */
    static final String TABLE_HEADER = "| file | certificate | issued by | valid | SHA-256 | page |";
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    private final RuleSource source;
    private final List<RuleProblem> errors = new ArrayList<>();
    private final Map<String, Held> held = new LinkedHashMap<>();

    /** A certificate as read from its file, and the line it starts on. */
    private record Held(RuleFile file, int line, X509Certificate certificate) {
    }

    /**
     * What the gate found in a ruleset's trust store.
     *
     * @param store the certificates that passed, empty when any did not
     */
    record Reading(List<RuleProblem> errors, TrustStore store) {
    }

    private TrustFiles(RuleSource source) {
        this.source = source;
    }

    /**
     * @param source the ruleset's files
     * @return the problems, and the store when there are none
     */
    static Reading read(RuleSource source) {
        TrustFiles reading = new TrustFiles(source);
        reading.read();
        TrustStore store = new TrustStore(reading.errors.isEmpty() ? reading.store() : List.of());
        return new Reading(List.copyOf(reading.errors), store);
    }

    /** @return whether a file of a ruleset belongs to its trust store */
    static boolean isTrustFile(String path) {
        return path.startsWith(TrustStore.FOLDER) && path.endsWith(".pem");
    }

    private void read() {
        source.files().stream().filter(file -> file.path().endsWith(".pem") && !isTrustFile(file.path()))
                .forEach(file -> refuse(file, 1, "a certificate of the trust store belongs in "
                        + TrustStore.FOLDER + ", with its row in " + AgencyFiles.SOURCES));
        source.files().stream().filter(file -> isTrustFile(file.path())).forEach(this::certificateFile);
        if (held.isEmpty() && errors.isEmpty()) {
            // Like SOURCES.md, a ruleset of applications has one: a delivery without it is one not yet whole.
            if (source.files().stream().anyMatch(file -> file.path().startsWith(AgencyFiles.FOLDER))) {
                errors.add(new RuleProblem("trust-store", source.pathOf(TrustStore.FOLDER), 0, 0,
                        "there is no trust store: the"
                        + " certificate check needs the ECA CA certificates, one PEM file each under "
                        + TrustStore.FOLDER));
            }
            return;
        }
        RuleFile sheet = source.file(AgencyFiles.SOURCES).orElse(null);
        if (sheet == null) {
            errors.add(new RuleProblem("trust-store", source.pathOf(AgencyFiles.SOURCES), 0, 0,
                    AgencyFiles.SOURCES + " is missing: it"
                    + " lists each certificate of " + TrustStore.FOLDER + " with its source, fingerprint and validity"));
            return;
        }
        List<String> listed = rows(sheet);
        held.keySet().stream().filter(name -> !listed.contains(name)).forEach(name -> {
            Held certificate = held.get(name);
            refuse(certificate.file(), certificate.line(), "this certificate is not listed in the trust store table"
                    + " of " + AgencyFiles.SOURCES + ": add its row (" + TABLE_HEADER + ")");
        });
        held.values().forEach(this::signedWithin);
    }

    private void certificateFile(RuleFile file) {
        String name = file.path().substring(TrustStore.FOLDER.length());
        if (file.content().toUpperCase(Locale.ROOT).contains("PRIVATE KEY")) {
            refuse(file, Math.max(file.lineOf("PRIVATE KEY"), 1), "a trust store file holds a CA's public certificate"
                    + " and nothing else: this one holds a private key");
            return;
        }
        int line = file.lineOf(BEGIN);
        int stray = strayLine(file);
        if (stray > 0) {
            refuse(file, stray, "a trust store file holds one CA certificate in PEM form and nothing else: move what"
                    + " this line says to the certificate's row in " + AgencyFiles.SOURCES);
            return;
        }
        if (line == 0) {
            refuse(file, 1, "no certificate here: a trust store file holds one CA certificate in PEM form ("
                    + BEGIN + " ...)");
            return;
        }
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(file.content().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            refuse(file, line, "the certificate cannot be read: " + e.getMessage());
            return;
        }
        if (certificates.size() != 1) {
            int second = RuleFile.lineOf(file.content().lines().toList(), BEGIN, line + 1);
            refuse(file, certificates.isEmpty() ? line : Math.max(second, line), "a trust store file holds one CA"
                    + " certificate; this one holds " + certificates.size());
            return;
        }
        X509Certificate certificate = (X509Certificate) certificates.iterator().next();
        boolean[] usage = certificate.getKeyUsage();
        if (certificate.getBasicConstraints() < 0 || usage != null && !usage[5]) {
            refuse(file, line, "this is not a CA certificate (" + TrustStore.commonName(certificate) + " may not sign"
                    + " certificates): a trust store holds ECA CAs only");
            return;
        }
        held.put(name, new Held(file, line, certificate));
    }

    /** The first line outside the file's PEM blocks that is not blank; 0 when there is none. */
    private static int strayLine(RuleFile file) {
        List<String> lines = file.content().lines().toList();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("-----BEGIN ")) {
                inBlock = true;
            } else if (line.startsWith("-----END ")) {
                inBlock = false;
            } else if (!inBlock && !line.isEmpty()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The trust store table's rows, each checked against its file; returns the files they list. */
    private List<String> rows(RuleFile sheet) {
        List<String> lines = sheet.content().lines().toList();
        String path = source.pathOf(sheet.path());
        List<String> listed = new ArrayList<>();
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals(TABLE_HEADER)) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1).split("\\|", -1)).map(String::strip).toList();
            if (cells.size() < 6) {
                errors.add(new RuleProblem("trust-store", path, i + 1, 0,
                        "a trust store row has six cells: " + TABLE_HEADER));
                continue;
            }
            String file = cells.get(0).replace("`", "");
            if (listed.contains(file)) {
                errors.add(new RuleProblem("trust-store", path, i + 1, 0,
                        "a second row for " + file + ": a file has one row"));
                continue;
            }
            listed.add(file);
            Held certificate = held.get(file);
            if (certificate == null) {
                errors.add(new RuleProblem("trust-store", path, i + 1, 0, "the row lists " + TrustStore.FOLDER + file
                        + ", which is not there: add the file, or drop the row"));
                continue;
            }
            check(certificate, path, i + 1, cells);
        }
        return listed;
    }

    /** The row's name, issuer, validity and fingerprint are the certificate's. */
    private void check(Held held, String sheetPath, int row, List<String> cells) {
        X509Certificate certificate = held.certificate();
        String fingerprint = TrustStore.fingerprint(certificate);
        String listed = cells.get(4).replace(":", "").replace("`", "").toUpperCase(Locale.ROOT);
        if (!listed.equals(fingerprint)) {
            refuse(held.file(), held.line(), "this certificate's SHA-256 fingerprint is " + fingerprint + ", not the "
                    + listed + " that " + sheetPath + ":" + row + " gives its source's: it is not the certificate the"
                    + " source published");
            return;
        }
        String name = TrustStore.commonName(certificate);
        String issuer = TrustStore.issuerName(certificate);
        String valid = TrustStore.firstDay(certificate) + " to " + TrustStore.lastDay(certificate);
        if (!cells.get(1).equals(name) || !cells.get(2).equals(issuer) || !cells.get(3).equals(valid)) {
            errors.add(new RuleProblem("trust-store", sheetPath, row, 0,
                    "the row does not describe its certificate, which is | "
                    + name + " | " + issuer + " | " + valid + " |"));
        }
        if (cells.get(5).isBlank()) {
            errors.add(new RuleProblem("trust-store", sheetPath, row, 0,
                    "the row names no page: say where the certificate came"
                    + " from"));
        }
    }

    /** A root verifies with its own key; any other CA leads, CA by CA, to a root of the store. */
    private void signedWithin(Held certificate) {
        X509Certificate ca = certificate.certificate();
        if (ca.getSubjectX500Principal().equals(ca.getIssuerX500Principal()) && !TrustStore.selfSigned(ca)) {
            refuse(certificate.file(), certificate.line(), "this root's signature does not verify with its own key");
        } else if (TrustStore.issuerOf(ca, store()).isEmpty() && !TrustStore.selfSigned(ca)) {
            refuse(certificate.file(), certificate.line(), "no CA of the trust store signed this certificate: add its"
                    + " issuer, " + TrustStore.issuerName(ca) + ", or drop it");
        } else if (new TrustStore(store()).rootOf(ca).isEmpty()) {
            refuse(certificate.file(), certificate.line(), "this certificate leads to no root of the trust store");
        }
    }

    private List<X509Certificate> store() {
        return held.values().stream().map(Held::certificate).toList();
    }

    private void refuse(RuleFile file, int line, String message) {
        errors.add(new RuleProblem("trust-store", source.pathOf(file.path()), line, 0, message));
    }
}
