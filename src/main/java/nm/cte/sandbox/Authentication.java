package nm.cte.sandbox;

import java.util.Optional;

/** Decides whether a data request carries a live bearer token and, when it does not, says why in the ODS/API 7.x words. */
final class Authentication {

    static final String HEADER_MISSING = "Authorization header is missing.";
    static final String UNKNOWN_SCHEME = "Unknown Authorization header scheme.";
    static final String TOKEN_VALUE_MISSING = "Missing Authorization header bearer token value.";
    static final String INVALID_HEADER = "Invalid Authorization header.";
    static final String INVALID_TOKEN = "Invalid token";

    private final Tokens tokens;

    Authentication(Tokens tokens) {
        this.tokens = tokens;
    }

    /** Empty when the Authorization header holds a live bearer token, else the reason it is refused. */
    Optional<String> refusal(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.of(HEADER_MISSING);
        }
        String[] parts = authorization.trim().split(" +");
        if (!parts[0].equalsIgnoreCase("Bearer")) {
            return Optional.of(UNKNOWN_SCHEME);
        }
        if (parts.length == 1) {
            return Optional.of(TOKEN_VALUE_MISSING);
        }
        if (parts.length > 2) {
            return Optional.of(INVALID_HEADER);
        }
        return tokens.isLive(parts[1]) ? Optional.empty() : Optional.of(INVALID_TOKEN);
    }
}
