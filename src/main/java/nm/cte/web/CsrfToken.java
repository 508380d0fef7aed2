package nm.cte.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token that each form of the page which changes something carries, so that another site cannot make the
 * operator's browser press Run Now: made at random when the page starts, never in a URL or a log.
 */
public final class CsrfToken {

    private final String value;

    public CsrfToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The token to put in a form. */
    public String value() {
        return value;
    }

    /** Whether a form sent this token; compared in constant time. */
    public boolean matches(String sent) {
        return sent != null && MessageDigest.isEqual(OperatorAccount.digest(sent.getBytes(StandardCharsets.UTF_8)),
                OperatorAccount.digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
