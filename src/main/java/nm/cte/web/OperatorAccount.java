package nm.cte.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one operator account of the publishing page: checks an HTTP Basic {@code Authorization} header against the user
 * and password set, in time that does not depend on how much of them a guess got right.
 */
public final class OperatorAccount {

    private final byte[] expected;

    public OperatorAccount(String user, String password) {
        this.expected = digest((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the header carries this account's user and password. */
    public boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] credentials;
        try {
            credentials = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // digests of equal length, compared byte for byte to the end: neither length nor prefix shows in the timing
        return MessageDigest.isEqual(digest(credentials), expected);
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
