package nm.cte.sandbox;

import java.time.Duration;
import java.util.Objects;
import nm.cte.edfi.DataStandard;

/**
 * How a sandbox ODS/API is set up: where it listens, which Data Standard and ODS/API generation it imitates, whom it
 * lets in, and whether it insists that programs exist.
 *
 * @param port            the loopback port; 0 takes any free one
 * @param dataStandard    3, 4 or 5: the Ed-Fi schema that POSTed associations are checked against
 * @param apiMajorVersion 5, 6 or 7: the error shapes ({"message"} up to 6.x, problem+json from 7.x)
 * @param tokenLifetime   how long an issued token stays good
 * @param programsChecked whether an association whose program was never registered is refused with 409
 */
public record SandboxOptions(int port, int dataStandard, int apiMajorVersion, String clientId, String clientSecret,
                             Duration tokenLifetime, boolean programsChecked) {

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the sandbox port must be 0 to 65535, not " + port);
        }
        DataStandard.of(dataStandard);
        if (apiMajorVersion < 5 || apiMajorVersion > 7) {
            throw new IllegalArgumentException("the sandbox imitates ODS/API 5, 6 or 7, not " + apiMajorVersion);
        }
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive, not " + tokenLifetime);
        }
    }

    /** Any free port, Data Standard 4 on ODS/API 6.x, tokens good for 30 minutes, programs not checked. */
    public static SandboxOptions defaults(String clientId, String clientSecret) {
        return new SandboxOptions(0, 4, 6, clientId, clientSecret, Duration.ofMinutes(30), false);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, dataStandard, apiMajorVersion, clientId, clientSecret, tokenLifetime, programsChecked);
    }

    public SandboxOptions withDataStandard(int newDataStandard) {
        return new SandboxOptions(port, newDataStandard, apiMajorVersion, clientId, clientSecret, tokenLifetime, programsChecked);
    }

    public SandboxOptions withApiMajorVersion(int newApiMajorVersion) {
        return new SandboxOptions(port, dataStandard, newApiMajorVersion, clientId, clientSecret, tokenLifetime, programsChecked);
    }

    public SandboxOptions withTokenLifetime(Duration newTokenLifetime) {
        return new SandboxOptions(port, dataStandard, apiMajorVersion, clientId, clientSecret, newTokenLifetime, programsChecked);
    }

    public SandboxOptions withProgramsChecked(boolean newProgramsChecked) {
        return new SandboxOptions(port, dataStandard, apiMajorVersion, clientId, clientSecret, tokenLifetime, newProgramsChecked);
    }

    DataStandard standard() {
        return DataStandard.of(dataStandard);
    }

    /** Whether errors are problem details (ODS/API 7.x) rather than {"message": ...} (5.x and 6.x). */
    boolean speaksProblemDetails() {
        return apiMajorVersion >= 7;
    }
}
