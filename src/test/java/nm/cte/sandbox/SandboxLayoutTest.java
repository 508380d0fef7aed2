package nm.cte.sandbox;

import static nm.cte.sandbox.LayoutClient.associations;
import static nm.cte.sandbox.LayoutClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nm.cte.domain.Reason;
import nm.cte.ods.Conflicts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sandbox in the layout of each real Ed-Fi API, over HTTP on loopback: where it serves its discovery document,
 * its token and its data, what the document says, and how it words a 409.
 */
class SandboxLayoutTest {

    private static final String KNOWN = "123456789";
    private static final String UNKNOWN = "555555555";
    /** A school year unlike any calendar year of these days, so that the two cannot be confused. */
    private static final int SCHOOL_YEAR = 2031;

    private final LayoutClient client = new LayoutClient();

    private static SandboxOds start(Layout layout) throws Exception {
        return start(SandboxClient.options().withLayout(layout).withSchoolYear(SCHOOL_YEAR));
    }

    private static SandboxOds start(SandboxOptions options) throws Exception {
        SandboxOds sandbox = SandboxOds.start(options);
        sandbox.addStudents(List.of(KNOWN));
        return sandbox;
    }

    private static String body(SandboxOds sandbox, String studentUniqueId) {
        return sandbox.toString().contains("Data Standard 5") ? Bodies.ds5(studentUniqueId) : Bodies.ds4(studentUniqueId);
    }

    private static String calendarYear() {
        return Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());
    }

    private JsonNode discovery(URI url) throws Exception {
        HttpResponse<String> response = client.get(url);
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        return json(response);
    }

    private static String url(JsonNode document, String name) {
        return document.path("urls").path(name).asText();
    }

    @Test
    void sharedDiscoveryDocumentNamesTokenAndDataUnderTheRoot() throws Exception {
        try (SandboxOds sandbox = start(Layout.SHARED)) {
            JsonNode document = discovery(URI.create(sandbox.apiRoot() + "/"));

            assertEquals("Sandbox", document.path("apiMode").asText());
            assertEquals("Ed-Fi", document.path("dataModels").path(0).path("name").asText());
            assertEquals("4.0.0", document.path("dataModels").path(0).path("version").asText());
            assertEquals(sandbox.apiRoot() + "/oauth/token", url(document, "oauth"));
            assertEquals(sandbox.apiRoot() + "/data/v3/", url(document, "dataManagementApi"));
        }
    }

    @Test
    void sharedLayoutIsTheDefault() throws Exception {
        try (SandboxOds sandbox = SandboxOds.start(SandboxClient.options())) {
            assertEquals(sandbox.apiRoot(), sandbox.baseUrl());
            assertEquals(URI.create(sandbox.apiRoot() + "/data/v3"), sandbox.dataUrl());
            assertEquals(URI.create(sandbox.apiRoot() + "/oauth/token"), sandbox.tokenUrl());
        }
    }

    @Test
    void yearSpecificTakesDataUnderTheSchoolYear() throws Exception {
        try (SandboxOds sandbox = start(Layout.YEAR)) {
            HttpResponse<String> response = client.postAssociation(sandbox, Bodies.ds4(KNOWN));

            assertEquals(201, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Location").orElseThrow()
                    .startsWith(sandbox.apiRoot() + "/data/v3/" + SCHOOL_YEAR + "/ed-fi/studentCTEProgramAssociations/"));
            assertEquals(1, sandbox.stats().requests(Route.POST_ASSOCIATION));
        }
    }

    @Test
    void yearSpecificAnswersAnotherYear404() throws Exception {
        try (SandboxOds sandbox = start(Layout.YEAR)) {
            String token = client.token(sandbox.tokenUrl());
            URI otherYear = URI.create(sandbox.apiRoot() + "/data/v3/" + (SCHOOL_YEAR - 1) + "/ed-fi/studentCTEProgramAssociations");
            URI noYear = URI.create(sandbox.apiRoot() + "/data/v3/ed-fi/studentCTEProgramAssociations");

            assertEquals(404, client.post(otherYear, Bodies.ds4(KNOWN), token).statusCode());
            assertEquals(404, client.post(noYear, Bodies.ds4(KNOWN), token).statusCode());
            assertTrue(sandbox.associations().isEmpty());
        }
    }

    @Test
    void yearSpecificDiscoveryHoldsTheCalendarYearNotTheSchoolYear() throws Exception {
        try (SandboxOds sandbox = start(Layout.YEAR)) {
            JsonNode document = discovery(URI.create(sandbox.baseUrl() + "/"));

            assertEquals("Year Specific", document.path("apiMode").asText());
            assertEquals(sandbox.apiRoot() + "/data/v3/" + calendarYear(), url(document, "dataManagementApi"));
            assertEquals(sandbox.apiRoot() + "/oauth/token", url(document, "oauth"));
        }
    }

    @Test
    void instanceYearSpecificServesTokenAndDataUnderTheInstance() throws Exception {
        try (SandboxOds sandbox = start(Layout.INSTANCE)) {
            assertEquals(URI.create(sandbox.apiRoot() + "/instance1/oauth/token"), sandbox.tokenUrl());
            assertEquals(404, client.tokenRequest(URI.create(sandbox.apiRoot() + "/oauth/token")).statusCode());

            HttpResponse<String> response = client.postAssociation(sandbox, Bodies.ds4(KNOWN));

            assertEquals(201, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Location").orElseThrow()
                    .startsWith(sandbox.apiRoot() + "/data/v3/instance1/" + SCHOOL_YEAR + "/ed-fi/"));
        }
    }

    @Test
    void instanceYearSpecificDiscoveryLeavesTheInstanceAPlaceholder() throws Exception {
        try (SandboxOds sandbox = start(Layout.INSTANCE)) {
            JsonNode document = discovery(URI.create(sandbox.baseUrl() + "/"));

            assertEquals("Instance Year Specific", document.path("apiMode").asText());
            assertEquals(sandbox.apiRoot() + "/{instance}/oauth/token", url(document, "oauth"));
            assertEquals(sandbox.apiRoot() + "/data/v3/{instance}/" + calendarYear(), url(document, "dataManagementApi"));
        }
    }

    @Test
    void tenantDiscoveryAtTheBareRootHasPlaceholders() throws Exception {
        try (SandboxOds sandbox = start(Layout.TENANT)) {
            JsonNode document = discovery(URI.create(sandbox.apiRoot() + "/"));

            assertFalse(document.has("apiMode"));
            assertEquals("5.1.0", document.path("dataModels").path(0).path("version").asText());
            assertEquals(sandbox.apiRoot() + "/{tenantIdentifier}/{schoolYearFromRoute}/oauth/token", url(document, "oauth"));
            assertEquals(sandbox.apiRoot() + "/{tenantIdentifier}/{schoolYearFromRoute}/data/v3/",
                    url(document, "dataManagementApi"));
        }
    }

    @Test
    void tenantDiscoveryAtTheTenantLeavesTheYearAPlaceholder() throws Exception {
        try (SandboxOds sandbox = start(Layout.TENANT)) {
            JsonNode document = discovery(URI.create(sandbox.apiRoot() + "/tenant1"));

            assertEquals(sandbox.apiRoot() + "/tenant1/{schoolYearFromRoute}/data/v3/", url(document, "dataManagementApi"));
        }
    }

    @Test
    void tenantDiscoveryAtTenantAndYearIsConcreteAndItsUrlsWork() throws Exception {
        try (SandboxOds sandbox = start(Layout.TENANT)) {
            JsonNode document = discovery(sandbox.baseUrl());
            URI data = URI.create(url(document, "dataManagementApi") + "ed-fi/studentCTEProgramAssociations");

            assertEquals(URI.create(sandbox.apiRoot() + "/tenant1/" + SCHOOL_YEAR), sandbox.baseUrl());
            assertEquals(201, client.post(data, Bodies.ds5(KNOWN), client.token(URI.create(url(document, "oauth"))))
                    .statusCode());
        }
    }

    @Test
    void tenantAnswersAnotherTenantOrYear404() throws Exception {
        try (SandboxOds sandbox = start(Layout.TENANT)) {
            assertEquals(404, client.get(URI.create(sandbox.apiRoot() + "/tenant2/" + SCHOOL_YEAR)).statusCode());
            assertEquals(404, client.get(URI.create(sandbox.apiRoot() + "/tenant1/" + (SCHOOL_YEAR + 1))).statusCode());
            assertEquals(404, client.tokenRequest(URI.create(sandbox.apiRoot() + "/tenant2/" + SCHOOL_YEAR + "/oauth/token"))
                    .statusCode());
        }
    }

    @Test
    void tenantMissingStudentIsUnresolvedReferenceProblem() throws Exception {
        try (SandboxOds sandbox = start(Layout.TENANT)) {
            HttpResponse<String> response = client.postAssociation(sandbox, Bodies.ds5(UNKNOWN));

            assertEquals(409, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("The referenced 'Student' item does not exist.", json(response).path("detail").asText());
        }
    }

    @Test
    void dmsTakesDataUnderDataWithoutV3() throws Exception {
        try (SandboxOds sandbox = start(Layout.DMS)) {
            String token = client.token(URI.create(sandbox.apiRoot() + "/oauth/token"));
            URI withV3 = URI.create(sandbox.apiRoot() + "/data/v3/ed-fi/studentCTEProgramAssociations");

            assertEquals(404, client.post(withV3, Bodies.ds5(KNOWN), token).statusCode());
            HttpResponse<String> response = client.post(
                    URI.create(sandbox.apiRoot() + "/data/ed-fi/studentCTEProgramAssociations"), Bodies.ds5(KNOWN), token);
            assertEquals(201, response.statusCode(), response.body());
        }
    }

    @Test
    void dmsDiscoveryGivesDataWithoutV3AndWithoutTrailingSlash() throws Exception {
        try (SandboxOds sandbox = start(Layout.DMS)) {
            JsonNode document = discovery(URI.create(sandbox.apiRoot() + "/"));

            assertEquals("Ed-Fi Alliance Data Management Service", document.path("applicationName").asText());
            assertEquals(sandbox.apiRoot() + "/data", url(document, "dataManagementApi"));
            assertEquals(sandbox.apiRoot() + "/oauth/token", url(document, "oauth"));
        }
    }

    @Test
    void dmsMissingStudentIsItsOwnProblem() throws Exception {
        try (SandboxOds sandbox = start(Layout.DMS)) {
            HttpResponse<String> response = client.postAssociation(sandbox, Bodies.ds5(UNKNOWN));

            assertEquals(409, response.statusCode());
            assertEquals("{\"detail\":\"The referenced Student item(s) do not exist.\","
                    + "\"type\":\"urn:ed-fi:api:data-conflict:unresolved-reference\",\"title\":\"Unresolved Reference\","
                    + "\"status\":409,\"correlationId\":null,\"validationErrors\":{},\"errors\":[]}", response.body());
        }
    }

    @Test
    void dmsNamesEveryMissingReferenceInOneProblem() throws Exception {
        try (SandboxOds sandbox = start(SandboxClient.options().withLayout(Layout.DMS).withProgramsChecked(true))) {
            HttpResponse<String> response = client.postAssociation(sandbox, Bodies.ds5(UNKNOWN));

            assertEquals("The referenced Program, Student item(s) do not exist.", json(response).path("detail").asText());
        }
    }

    @Test
    void meadowlarkServesItsTokenUnderTheStageWithAnEpochExpiry() throws Exception {
        try (SandboxOds sandbox = start(Layout.MEADOWLARK)) {
            HttpResponse<String> response = client.tokenRequest(URI.create(sandbox.apiRoot() + "/local/oauth/token"));

            assertEquals(200, response.statusCode());
            long now = System.currentTimeMillis() / 1000;
            long expiresIn = json(response).path("expires_in").asLong();
            assertTrue(expiresIn > now && expiresIn <= now + 30 * 60 + 5, Long.toString(expiresIn));
            assertEquals(404, client.tokenRequest(URI.create(sandbox.apiRoot() + "/oauth/token")).statusCode());
        }
    }

    @Test
    void meadowlarkDiscoveryAtTheStageGivesDataUnderV33b() throws Exception {
        try (SandboxOds sandbox = start(Layout.MEADOWLARK)) {
            JsonNode document = discovery(URI.create(sandbox.apiRoot() + "/local/"));

            assertEquals("SharedInstance", document.path("apiMode").asText());
            assertEquals("3.3.1-b", document.path("dataModels").path(0).path("version").asText());
            assertEquals(sandbox.apiRoot() + "/local/v3.3b/", url(document, "dataManagementApi"));
            assertEquals(sandbox.apiRoot() + "/local/oauth/token", url(document, "oauth"));
        }
    }

    @Test
    void meadowlarkMissingStudentFailsReferenceValidation() throws Exception {
        try (SandboxOds sandbox = start(Layout.MEADOWLARK)) {
            HttpResponse<String> response = client.postAssociation(sandbox, Bodies.ds4(UNKNOWN));

            assertEquals(409, response.statusCode());
            assertEquals("{\"error\":{\"message\":\"Reference validation failed\",\"failures\":[{\"resourceName\":"
                    + "\"Student\",\"identity\":{\"studentUniqueId\":\"" + UNKNOWN + "\"}}]}}", response.body());
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyLayoutsMissingStudentReadsAsStudentNotPublished(Layout layout) throws Exception {
        try (SandboxOds sandbox = start(layout)) {
            HttpResponse<String> response = client.postAssociation(sandbox, body(sandbox, UNKNOWN));

            assertEquals(409, response.statusCode());
            assertEquals(Optional.of(Reason.STUDENT_NOT_PUBLISHED), Conflicts.dependency(response.body()));
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyLayoutsMissingProgramReadsAsProgramNotPublished(Layout layout) throws Exception {
        SandboxOptions options = SandboxClient.options().withLayout(layout).withSchoolYear(SCHOOL_YEAR).withProgramsChecked(true);
        try (SandboxOds sandbox = start(options)) {
            HttpResponse<String> response = client.postAssociation(sandbox, body(sandbox, KNOWN));

            assertEquals(409, response.statusCode());
            assertEquals(Optional.of(Reason.PROGRAM_NOT_PUBLISHED), Conflicts.dependency(response.body()));
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void faultsStrikeDataRequestsInEveryLayout(Layout layout) throws Exception {
        try (SandboxOds sandbox = start(layout)) {
            String token = client.token(sandbox.tokenUrl());
            sandbox.faults().failRate(503, 1.0);

            HttpResponse<String> response = client.post(associations(sandbox), body(sandbox, KNOWN), token);

            assertEquals(503, response.statusCode());
            assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
        }
    }

    @Test
    void tokenRefusalOf404AnswersEveryTokenRequest404() throws Exception {
        try (SandboxOds sandbox = start(Layout.SHARED)) {
            sandbox.faults().tokenRefusal(404);

            assertEquals(404, client.tokenRequest(sandbox.tokenUrl()).statusCode());
            assertEquals(0, sandbox.stats().tokensIssued());
        }
    }

    @Test
    void tokenRefusalOf429SaysWhenToComeBack() throws Exception {
        try (SandboxOds sandbox = start(Layout.TENANT)) {
            sandbox.faults().tokenRefusal(429);

            HttpResponse<String> response = client.tokenRequest(sandbox.tokenUrl());

            assertEquals(429, response.statusCode());
            assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
        }
    }

    @Test
    void clearedFaultsIssueTokensAgain() throws Exception {
        try (SandboxOds sandbox = start(Layout.SHARED)) {
            sandbox.faults().tokenRefusal(429).clear();

            assertEquals(200, client.tokenRequest(sandbox.tokenUrl()).statusCode());
        }
    }
}
