package org.ecawizard.engine;

/**
 * The upload is not a public certificate that can be read: garbage, truncated, or it holds a private key.
 *
 * @see #kind() what kind of refusal, e.g. {@code private-key}, and {@link #title()} its short name
 */
public class CertificateRefusedException extends RuntimeException {

    /** What kind of refusal. */
    private final String kind;
    /** The refusal's short name. */
    private final String title;

    /**
     * @param kind   what kind of refusal, e.g. {@code private-key}
     * @param title  its short name
     * @param detail what was wrong and what to send instead
     */
    public CertificateRefusedException(String kind, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.title = title;
    }

    /** @return what kind of refusal, e.g. {@code private-key} */
    public String kind() {
        return kind;
    }

    /** @return the refusal's short name */
    public String title() {
        return title;
    }
}
