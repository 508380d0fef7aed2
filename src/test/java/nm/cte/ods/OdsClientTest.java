package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** D11's classification of the ODS's answers, against the sandbox's wire-true answers. */
class OdsClientTest {

    private static final String RECORD = """
            {"beginDate":"2026-08-12","educationOrganizationReference":{"educationOrganizationId":35001100},
             "programReference":{"educationOrganizationId":35001100,"programName":"Career and Technical Education",
               "programTypeDescriptor":"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education"},
             "studentReference":{"studentUniqueId":"%s"},
             "ctePrograms":[{"careerPathwayDescriptor":"uri://ed-fi.org/CareerPathwayDescriptor#Other","cipCode":"0"}]}""";

    private SandboxOds ods;

    @AfterEach
    void stop() {
        if (ods != null) {
            ods.close();
        }
    }

    private OdsClient client(SandboxOptions options, String secret) throws Exception {
        ods = SandboxOds.start(options);
        ods.addStudents(List.of("123456789"));
        return new OdsClient(ods.apiRoot(), "district", new Secret(secret), 4, Duration.ofSeconds(2), Duration.ofSeconds(5),
                javax.net.ssl.SSLContext.getDefault(),
                Clock.systemUTC(), (took, status) -> { });
    }

    private OdsClient client(SandboxOptions options) throws Exception {
        return client(options, "secret");
    }

    @Test
    void createdRecordIsPublishedWithItsResourceId() throws Exception {
        OdsAnswer answer = client(SandboxOptions.defaults("district", "secret")).upsert("studentCTEProgramAssociations",
                RECORD.formatted("123456789"));

        assertEquals(Status.PUBLISHED, answer.outcome().status());
        assertNotNull(answer.resourceId());
        assertEquals(32, answer.resourceId().length());
    }

    @Test
    void schemaRefusalIsErrorWithTheOdsMessage() throws Exception {
        OdsAnswer answer = client(SandboxOptions.defaults("district", "secret")).upsert("studentCTEProgramAssociations",
                RECORD.formatted("1".repeat(40)));

        assertEquals(Reason.ODS_REJECTED, answer.outcome().reason());
        assertTrue(answer.outcome().message().startsWith("400: Validation of 'StudentCTEProgramAssociation' failed."),
                answer.outcome().message());
    }

    @Test
    void schemaRefusalOfOdsApi7KeepsTheValidationErrors() throws Exception {
        OdsAnswer answer = client(SandboxOptions.defaults("district", "secret").withApiMajorVersion(7))
                .upsert("studentCTEProgramAssociations", RECORD.formatted("1".repeat(40)));

        assertEquals(Reason.ODS_REJECTED, answer.outcome().reason());
        assertTrue(answer.outcome().message().contains("$.studentReference.studentUniqueId"), answer.outcome().message());
    }

    @Test
    void unknownStudentIsStudentNotPublished() throws Exception {
        OdsAnswer answer = client(SandboxOptions.defaults("district", "secret")).upsert("studentCTEProgramAssociations",
                RECORD.formatted("999"));

        assertEquals(Reason.STUDENT_NOT_PUBLISHED, answer.outcome().reason());
        assertTrue(answer.outcome().message().contains("'Student'"), answer.outcome().message());
    }

    @Test
    void serverFailureIsThrownForRedeliveryWithRetryAfter() throws Exception {
        OdsClient client = client(SandboxOptions.defaults("district", "secret"));
        ods.faults().failRate(503, 1.0);

        OdsUnavailableException failure = assertThrows(OdsUnavailableException.class,
                () -> client.upsert("studentCTEProgramAssociations", RECORD.formatted("123456789")));

        assertEquals(503, failure.getStatus());
        assertEquals(Duration.ofSeconds(1), failure.getRetryAfter());
    }

    @Test
    void hangUpIsUnreachable() throws Exception {
        OdsClient client = client(SandboxOptions.defaults("district", "secret"));
        ods.faults().resetRate(1.0);

        assertThrows(OdsUnreachableException.class,
                () -> client.upsert("studentCTEProgramAssociations", RECORD.formatted("123456789")));
    }

    @Test
    void serverFailureIsSentOnceLeavingTheRetriesToTheRoute() throws Exception {
        OdsClient client = client(SandboxOptions.defaults("district", "secret"));
        ods.faults().failRate(503, 1.0);

        assertThrows(OdsUnavailableException.class, () -> client.upsert("studentCTEProgramAssociations", RECORD.formatted("123456789")));

        assertEquals(1, ods.stats().requests(Route.POST_ASSOCIATION));
    }

    @Test
    void hangUpIsSentOnceLeavingTheRetriesToTheRoute() throws Exception {
        OdsClient client = client(SandboxOptions.defaults("district", "secret"));
        ods.faults().resetRate(1.0);

        assertThrows(OdsUnreachableException.class, () -> client.upsert("studentCTEProgramAssociations", RECORD.formatted("123456789")));

        assertEquals(1, ods.stats().requests(Route.POST_ASSOCIATION));
    }

    @Test
    void wrongSecretIsRefusedWithoutShowingIt() throws Exception {
        OdsClient client = client(SandboxOptions.defaults("district", "secret"), "not-the-secret");

        OdsCredentialsRefusedException refused = assertThrows(OdsCredentialsRefusedException.class, client::connect);

        assertTrue(refused.getMessage().contains("'district'"), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-secret"), refused.getMessage());
    }

    @Test
    void revokedTokenIsRenewedOnceAndTheRequestRepeated() throws Exception {
        OdsClient client = client(SandboxOptions.defaults("district", "secret"));
        client.connect();
        ods.faults().revokeAllTokens();

        OdsAnswer answer = client.upsert("studentCTEProgramAssociations", RECORD.formatted("123456789"));

        assertEquals(Status.PUBLISHED, answer.outcome().status());
        assertEquals(2, ods.stats().tokensIssued());
    }

    @Test
    void secretNeverPrints() {
        assertEquals("****", new Secret("s3cret").toString());
    }
}
