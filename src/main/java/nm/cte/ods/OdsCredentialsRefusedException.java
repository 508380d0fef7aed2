package nm.cte.ods;

import java.io.IOException;

/**
 * The token endpoint refused the client credentials, or is not a token endpoint at all: no record can be published,
 * so the run ends. An IOException, because it is thrown inside the HTTP client, where the token is taken.
 */
public final class OdsCredentialsRefusedException extends IOException {

    public OdsCredentialsRefusedException(String message) {
        super(message);
    }
}
