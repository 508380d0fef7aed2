package nm.cte.sandbox;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import nm.cte.domain.SchoolYear;
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
 * @param layout          which real server's paths, discovery document and wording it imitates
 * @param schoolYear      the ending year of the school year whose data it holds, where the layout puts it in the path
 */
public record SandboxOptions(int port, int dataStandard, int apiMajorVersion, String clientId, String clientSecret,
                             Duration tokenLifetime, boolean programsChecked, Layout layout, int schoolYear) {

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
        Objects.requireNonNull(layout, "layout");
        if (schoolYear < 2000 || schoolYear > 2099) {
            throw new IllegalArgumentException("the school year must be 2000 to 2099, not " + schoolYear);
        }
    }

    /**
     * Any free port, Data Standard 4 on an ODS/API 6.x shared instance, tokens good for 30 minutes, programs not
     * checked, the school year today belongs to.
     */
    public static SandboxOptions defaults(String clientId, String clientSecret) {
        return new SandboxOptions(0, 4, 6, clientId, clientSecret, Duration.ofMinutes(30), false, Layout.SHARED,
                SchoolYear.endingYearOn(LocalDate.now()));
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, dataStandard, apiMajorVersion, clientId, clientSecret, tokenLifetime,
                programsChecked, layout, schoolYear);
    }

    public SandboxOptions withDataStandard(int newDataStandard) {
        return new SandboxOptions(port, newDataStandard, apiMajorVersion, clientId, clientSecret, tokenLifetime,
                programsChecked, layout, schoolYear);
    }

    public SandboxOptions withApiMajorVersion(int newApiMajorVersion) {
        return new SandboxOptions(port, dataStandard, newApiMajorVersion, clientId, clientSecret, tokenLifetime,
                programsChecked, layout, schoolYear);
    }

    public SandboxOptions withTokenLifetime(Duration newTokenLifetime) {
        return new SandboxOptions(port, dataStandard, apiMajorVersion, clientId, clientSecret, newTokenLifetime,
                programsChecked, layout, schoolYear);
    }

    public SandboxOptions withProgramsChecked(boolean newProgramsChecked) {
        return new SandboxOptions(port, dataStandard, apiMajorVersion, clientId, clientSecret, tokenLifetime,
                newProgramsChecked, layout, schoolYear);
    }

    /**
     * This layout, with the Data Standard and ODS/API generation its real server has: Data Standard 5 on 7.x for
     * tenant and dms, 3 for meadowlark; shared, year and instance keep what is set. A later
     * {@link #withDataStandard} still changes it.
     */
    public SandboxOptions withLayout(Layout newLayout) {
        return new SandboxOptions(port, newLayout.usualDataStandard(dataStandard),
                newLayout.usualApiMajorVersion(apiMajorVersion), clientId, clientSecret, tokenLifetime, programsChecked,
                newLayout, schoolYear);
    }

    /** The school year (its ending year) that the year, instance and tenant layouts serve; any other is 404. */
    public SandboxOptions withSchoolYear(int newSchoolYear) {
        return new SandboxOptions(port, dataStandard, apiMajorVersion, clientId, clientSecret, tokenLifetime,
                programsChecked, layout, newSchoolYear);
    }

    DataStandard standard() {
        return DataStandard.of(dataStandard);
    }

    /** Whether errors are problem details (ODS/API 7.x) rather than {"message": ...} (5.x and 6.x). */
    boolean speaksProblemDetails() {
        return apiMajorVersion >= 7;
    }
}
