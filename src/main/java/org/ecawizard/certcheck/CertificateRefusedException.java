package org.ecawizard.certcheck;

/**
 * The upload is not a public certificate that can be read: garbage, truncated, or it holds a private key.
 *
 * @see #kind() what kind of refusal, e.g. {@code private-key}, and {@link #title()} its short name
 */
public class CertificateRefusedException extends RuntimeException {

    private final String kind;
    private final String title;

    public CertificateRefusedException(String kind, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.title = title;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
