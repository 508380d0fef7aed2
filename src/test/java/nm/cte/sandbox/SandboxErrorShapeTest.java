package nm.cte.sandbox;

import static nm.cte.sandbox.SandboxClient.ASSOCIATIONS;
import static nm.cte.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refusals of a POST, in the {"message"} shape of ODS/API 5.x/6.x and the problem+json of 7.x, texts verbatim. */
class SandboxErrorShapeTest {

    private static final String KNOWN_STUDENT = "123456789";

    /** Runs one POST against a fresh sandbox that knows one student. */
    private static HttpResponse<String> post(SandboxOptions options, String body) throws Exception {
        try (SandboxOds sandbox = SandboxOds.start(options)) {
            sandbox.addStudents(List.of(KNOWN_STUDENT));
            SandboxClient client = new SandboxClient(sandbox);
            return client.post(ASSOCIATIONS, body, client.token());
        }
    }

    private static SandboxOptions six() {
        return SandboxClient.options();
    }

    private static SandboxOptions seven() {
        return SandboxClient.options().withApiMajorVersion(7);
    }

    /** The CIP code may be 120 characters at most. */
    private static String withLongCipCode() {
        return Bodies.ds4(KNOWN_STUDENT).replace("\"cipCode\":\"0\"", "\"cipCode\":\"" + "1".repeat(121) + "\"");
    }

    @Test
    void schemaErrorIn6xIsValidationMessage() throws Exception {
        HttpResponse<String> response = post(six(), withLongCipCode());

        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        String message = json(response).get("message").asText();
        assertTrue(message.startsWith("Validation of 'StudentCTEProgramAssociation' failed.\n\t/ctePrograms/0/cipCode: "),
                message);
    }

    @Test
    void schemaErrorIn7xIsDataValidationProblemKeyedByJsonPath() throws Exception {
        HttpResponse<String> response = post(seven(), withLongCipCode());

        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = json(response);
        assertEquals("urn:ed-fi:api:bad-request:data-validation-failed", problem.get("type").asText());
        assertEquals("Data Validation Failed", problem.get("title").asText());
        assertEquals("Data validation failed. See 'validationErrors' for details.", problem.get("detail").asText());
        assertEquals(400, problem.get("status").asInt());
        assertTrue(problem.get("validationErrors").has("$.ctePrograms[0].cipCode"), problem.toString());
    }

    @Test
    void missingPropertyIn7xIsKeyedByItsOwnPath() throws Exception {
        HttpResponse<String> response = post(seven(), Bodies.ds4(KNOWN_STUDENT).replace("\"beginDate\"", "\"startDate\""));

        assertTrue(json(response).get("validationErrors").has("$.beginDate"), response.body());
    }

    @Test
    void idInBodyIs400In6x() throws Exception {
        HttpResponse<String> response = post(six(), Bodies.ds4(KNOWN_STUDENT).replace("{", "{\"id\":\"0f4c2b7e9d1a4c3b8e6f5a4d3c2b1a09\","));

        assertEquals(400, response.statusCode());
        assertEquals("{\"message\":\"Resource identifiers cannot be assigned by the client.\"}", response.body());
    }

    @Test
    void idInBodyIsBadRequestProblemIn7x() throws Exception {
        HttpResponse<String> response = post(seven(), Bodies.ds4(KNOWN_STUDENT).replace("{", "{\"id\":\"0f4c2b7e9d1a4c3b8e6f5a4d3c2b1a09\","));

        assertEquals(400, response.statusCode());
        assertEquals("urn:ed-fi:api:bad-request", json(response).get("type").asText());
        assertEquals("Resource identifiers cannot be assigned by the client.", json(response).get("detail").asText());
    }

    @Test
    void unknownStudentIs409In6x() throws Exception {
        HttpResponse<String> response = post(six(), Bodies.ds4("555555555"));

        assertEquals(409, response.statusCode());
        assertEquals("{\"message\":\"Access to the resource item could not be authorized because the 'Student' was not found.\"}",
                response.body());
    }

    @Test
    void unknownStudentIsUnresolvedReferenceProblemIn7x() throws Exception {
        HttpResponse<String> response = post(seven(), Bodies.ds4("555555555"));

        assertEquals(409, response.statusCode());
        JsonNode problem = json(response);
        assertEquals("The referenced 'Student' item does not exist.", problem.get("detail").asText());
        assertEquals("urn:ed-fi:api:data-conflict:unresolved-reference", problem.get("type").asText());
        assertEquals("Unresolved Reference", problem.get("title").asText());
        assertEquals(409, problem.get("status").asInt());
        assertTrue(problem.get("correlationId").asText().matches("[0-9a-f-]{36}"));
    }

    @Test
    void unknownProgramIs409In6xWhenProgramsAreChecked() throws Exception {
        HttpResponse<String> response = post(six().withProgramsChecked(true), Bodies.ds4(KNOWN_STUDENT));

        assertEquals(409, response.statusCode());
        assertEquals("{\"message\":\"The value supplied for the related 'program' resource does not exist.\"}", response.body());
    }

    @Test
    void unknownProgramIsUnresolvedReferenceProblemIn7xWhenProgramsAreChecked() throws Exception {
        HttpResponse<String> response = post(seven().withProgramsChecked(true), Bodies.ds4(KNOWN_STUDENT));

        assertEquals(409, response.statusCode());
        assertEquals("The referenced 'Program' item does not exist.", json(response).get("detail").asText());
    }

    @Test
    void knownProgramPassesTheProgramCheck() throws Exception {
        try (SandboxOds sandbox = SandboxOds.start(six().withProgramsChecked(true))) {
            sandbox.addStudents(List.of(KNOWN_STUDENT));
            sandbox.addProgram(Bodies.SCHOOL, Bodies.PROGRAM_NAME, Bodies.PROGRAM_TYPE);
            SandboxClient client = new SandboxClient(sandbox);

            assertEquals(201, client.post(ASSOCIATIONS, Bodies.ds4(KNOWN_STUDENT), client.token()).statusCode());
        }
    }

    @Test
    void postedProgramPassesTheProgramCheck() throws Exception {
        try (SandboxOds sandbox = SandboxOds.start(six().withProgramsChecked(true))) {
            sandbox.addStudents(List.of(KNOWN_STUDENT));
            SandboxClient client = new SandboxClient(sandbox);
            String token = client.token();

            HttpResponse<String> program = client.post("/data/v3/ed-fi/programs", """
                    {"programName":"Career and Technical Education",
                     "programTypeDescriptor":"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education",
                     "educationOrganizationReference":{"educationOrganizationId":35001123}}""", token);

            assertEquals(201, program.statusCode());
            assertEquals(201, client.post(ASSOCIATIONS, Bodies.ds4(KNOWN_STUDENT), token).statusCode());
        }
    }

    @Test
    void programWithoutProgramNameIs400() throws Exception {
        try (SandboxOds sandbox = SandboxOds.start(six())) {
            SandboxClient client = new SandboxClient(sandbox);

            HttpResponse<String> response = client.post("/data/v3/ed-fi/programs", """
                    {"programTypeDescriptor":"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education",
                     "educationOrganizationReference":{"educationOrganizationId":35001123}}""", client.token());

            assertEquals(400, response.statusCode());
            assertEquals("Validation of 'Program' failed.\n\t: required property 'programName' not found",
                    json(response).get("message").asText());
        }
    }

    @Test
    void dataStandard4RefusesA33CharacterStudentUniqueId() throws Exception {
        String tooLong = "1".repeat(33);
        HttpResponse<String> response = post(six(), Bodies.ds4(tooLong));

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().contains("/studentReference/studentUniqueId"), response.body());
    }

    @Test
    void unknownIdIsNotFoundProblemIn7x() throws Exception {
        try (SandboxOds sandbox = SandboxOds.start(seven())) {
            SandboxClient client = new SandboxClient(sandbox);

            HttpResponse<String> response = client.get(ASSOCIATIONS + "/0123456789abcdef0123456789abcdef", client.token());

            assertEquals(404, response.statusCode());
            assertEquals("urn:ed-fi:api:not-found", json(response).get("type").asText());
        }
    }

    @Test
    void limitAbove500IsParameterProblemIn7x() throws Exception {
        try (SandboxOds sandbox = SandboxOds.start(seven())) {
            SandboxClient client = new SandboxClient(sandbox);

            HttpResponse<String> response = client.get(ASSOCIATIONS + "?limit=501", client.token());

            assertEquals(400, response.statusCode());
            JsonNode problem = json(response);
            assertEquals("urn:ed-fi:api:bad-request:parameter", problem.get("type").asText());
            assertEquals("Limit must be omitted or set to a value between 0 and 500.", problem.get("errors").get(0).asText());
        }
    }

    @Test
    void bodyWithoutJsonContentTypeIs415() throws Exception {
        try (SandboxOds sandbox = SandboxOds.start(six())) {
            SandboxClient client = new SandboxClient(sandbox);

            HttpResponse<String> response = client.postAs("text/plain", ASSOCIATIONS, Bodies.ds4(KNOWN_STUDENT), client.token());

            assertEquals(415, response.statusCode());
        }
    }

    @Test
    void bodyThatIsNotJsonIs400() throws Exception {
        HttpResponse<String> response = post(six(), "beginDate=2024-08-14");

        assertEquals(400, response.statusCode());
        assertEquals("The request is invalid.", json(response).get("message").asText());
    }
}
