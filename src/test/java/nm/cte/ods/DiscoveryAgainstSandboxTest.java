package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import nm.cte.settings.SettingException;
import nm.cte.sandbox.Layout;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Discovery fed with the documents the sandbox serves in each layout: the endpoints it decides take a token and a
 * record, with only the base URL (and the instance, for instance-year-specific) known.
 */
class DiscoveryAgainstSandboxTest {

    private static final String CLIENT_ID = "publisher";
    private static final String CLIENT_SECRET = "s3cret";
    private static final String STUDENT = "123456789";
    private static final int SCHOOL_YEAR = 2031;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static SandboxOds start(Layout layout) throws Exception {
        SandboxOds sandbox = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET).withLayout(layout)
                .withSchoolYear(SCHOOL_YEAR));
        sandbox.addStudents(List.of(STUDENT));
        return sandbox;
    }

    private Discovery.Endpoints discover(URI base, Discovery.Overrides overrides) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(Discovery.documentUrl(base)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Discovery.endpoints(base, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
                answer.body(), overrides, SCHOOL_YEAR);
    }

    private String token(URI tokenUrl) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenUrl)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), tokenUrl + " answered " + answer.statusCode());
        return MAPPER.readTree(answer.body()).get("access_token").asText();
    }

    /** The New Mexico record in the shape of a Data Standard: ctePrograms[] up to 4, cteProgramServices[] in 5. */
    private static String association(int dataStandard) {
        String references = """
                "beginDate":"2030-08-14","educationOrganizationReference":{"educationOrganizationId":35001123},
                "programReference":{"educationOrganizationId":35001123,"programName":"Career and Technical Education",
                  "programTypeDescriptor":"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education"},
                "studentReference":{"studentUniqueId":"%s"}""".formatted(STUDENT);
        String programs = dataStandard == 5
                ? """
                "cteProgramServices":[{"cteProgramServiceDescriptor":"uri://ed-fi.org/CTEProgramServiceDescriptor#Other",
                  "cipCode":"0","primaryIndicator":true}]"""
                : """
                "ctePrograms":[{"careerPathwayDescriptor":"uri://ed-fi.org/CareerPathwayDescriptor#Other","cipCode":"0",
                  "primaryCTEProgramIndicator":true,"cteProgramCompletionIndicator":false}]""";
        return "{" + references + "," + programs + "}";
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void discoveredEndpointsPublishARecordInEveryLayout(Layout layout) throws Exception {
        try (SandboxOds sandbox = start(layout)) {
            Discovery.Overrides overrides = new Discovery.Overrides(null, null,
                    layout == Layout.INSTANCE ? Layout.INSTANCE_ID : null, null);

            Discovery.Endpoints endpoints = discover(sandbox.baseUrl(), overrides);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoints.resource("studentCTEProgramAssociations"))
                    .header("Authorization", "Bearer " + token(endpoints.tokenUrl()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(association(endpoints.dataStandard()))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(201, answer.statusCode(), endpoints.describe() + ": " + answer.body());
            assertEquals(sandbox.dataUrl(), endpoints.dataUrl());
            assertEquals(sandbox.tokenUrl(), endpoints.tokenUrl());
            assertEquals(List.of(), endpoints.notes());
        }
    }

    @Test
    void tenantSandboxAtItsBareRootAsksForTenantAndYear() throws Exception {
        try (SandboxOds sandbox = start(Layout.TENANT)) {
            SettingException refused = assertThrows(SettingException.class,
                    () -> discover(sandbox.apiRoot(), Discovery.Overrides.none()));

            assertTrue(refused.getMessage().endsWith("CTE_ODS_BASE_URL=" + sandbox.apiRoot() + "/TENANT/" + SCHOOL_YEAR),
                    refused.getMessage());
        }
    }

    @Test
    void meadowlarkSandboxWithoutItsStageHasNoDocumentAndFallsBack() throws Exception {
        try (SandboxOds sandbox = start(Layout.MEADOWLARK)) {
            Discovery.Endpoints endpoints = discover(sandbox.apiRoot(), Discovery.Overrides.none());

            assertEquals(1, endpoints.notes().size());
            assertEquals(URI.create(sandbox.apiRoot() + "/oauth/token"), endpoints.tokenUrl());
        }
    }
}
