package nm.cte.sandbox;

import static nm.cte.sandbox.SandboxClient.ASSOCIATIONS;
import static nm.cte.sandbox.SandboxClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox as a whole, and its studentCTEProgramAssociations: upsert, read, query and delete as ODS/API 6.x does them. */
class SandboxOdsTest {

    private SandboxOds sandbox;
    private SandboxClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxOds.start(SandboxClient.options());
        sandbox.addStudents(List.of("123456789", "223456789", "323456789"));
        client = new SandboxClient(sandbox);
        token = client.token();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static String id(HttpResponse<String> response) {
        String location = location(response);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void listensOnLoopbackAndSaysWhere() {
        assertTrue(sandbox.apiRoot().toString().matches("http://127\\.0\\.0\\.1:\\d+"), sandbox.apiRoot().toString());
        assertTrue(sandbox.toString().contains(sandbox.apiRoot().toString()), sandbox.toString());
    }

    @Test
    void startsOnTheGivenPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        try (SandboxOds onPort = SandboxOds.start(SandboxClient.options().withPort(port))) {
            assertEquals(port, onPort.apiRoot().getPort());
        }
    }

    @Test
    void newNaturalKeyIsCreated201WithLocationAndEtag() throws Exception {
        HttpResponse<String> response = client.post(ASSOCIATIONS, Bodies.ds4("123456789"), token);

        assertEquals(201, response.statusCode());
        assertEquals("", response.body());
        assertTrue(location(response).matches(sandbox.apiRoot() + ASSOCIATIONS + "/[0-9a-f]{32}"), location(response));
        assertTrue(etag(response).matches("\"\\d+\""), etag(response));
    }

    @Test
    void sameNaturalKeyAgainIsUpdated200WithSameLocationAndNewEtag() throws Exception {
        HttpResponse<String> created = client.post(ASSOCIATIONS, Bodies.ds4("123456789", "2024-08-14", false), token);

        HttpResponse<String> updated = client.post(ASSOCIATIONS, Bodies.ds4("123456789", "2024-08-14", true), token);

        assertEquals(200, updated.statusCode());
        assertEquals(location(created), location(updated));
        assertNotEquals(etag(created), etag(updated));
        assertTrue(sandbox.associations().get(0).at("/ctePrograms/0/cteProgramCompletionIndicator").asBoolean());
    }

    @Test
    void otherBeginDateIsAnotherAssociation() throws Exception {
        client.post(ASSOCIATIONS, Bodies.ds4("123456789", "2024-08-14", false), token);

        HttpResponse<String> response = client.post(ASSOCIATIONS, Bodies.ds4("123456789", "2025-01-06", false), token);

        assertEquals(201, response.statusCode());
        assertEquals(2, sandbox.associations().size());
    }

    @Test
    void getByIdGivesTheStoredItemWithIdEtagAndLinks() throws Exception {
        HttpResponse<String> created = client.post(ASSOCIATIONS, Bodies.ds4("123456789"), token);

        HttpResponse<String> response = client.get(ASSOCIATIONS + "/" + id(created), token);

        assertEquals(200, response.statusCode());
        JsonNode item = json(response);
        assertEquals(id(created), item.get("id").asText());
        assertEquals(etag(created), "\"" + item.get("_etag").asText() + "\"");
        assertEquals(etag(created), etag(response));
        assertEquals("123456789", item.at("/studentReference/studentUniqueId").asText());
        assertEquals("Student", item.at("/studentReference/link/rel").asText());
        assertEquals("[]", item.get("services").toString());
        assertFalse(item.has("_lastModifiedDate"));
    }

    @Test
    void idIsFoundInUpperCaseAndWithDashesToo() throws Exception {
        String id = id(client.post(ASSOCIATIONS, Bodies.ds4("123456789"), token));
        String dashed = (id.substring(0, 8) + "-" + id.substring(8, 12) + "-" + id.substring(12, 16) + "-"
                + id.substring(16, 20) + "-" + id.substring(20)).toUpperCase();

        assertEquals(200, client.get(ASSOCIATIONS + "/" + dashed, token).statusCode());
    }

    @Test
    void storedAssociationsAreWhatGetReturns() throws Exception {
        HttpResponse<String> created = client.post(ASSOCIATIONS, Bodies.ds4("123456789"), token);

        JsonNode viaGet = json(client.get(ASSOCIATIONS + "/" + id(created), token));

        assertEquals(List.of(viaGet), sandbox.associations());
    }

    @Test
    void queryFiltersByStudentUniqueId() throws Exception {
        client.post(ASSOCIATIONS, Bodies.ds4("123456789"), token);
        client.post(ASSOCIATIONS, Bodies.ds4("223456789"), token);

        HttpResponse<String> response = client.get(ASSOCIATIONS
                + "?studentUniqueId=223456789&educationOrganizationId=35001123&beginDate=2024-08-14", token);

        JsonNode items = json(response);
        assertEquals(1, items.size());
        assertEquals("223456789", items.get(0).at("/studentReference/studentUniqueId").asText());
    }

    @Test
    void queryPagesInCreationOrderWithTotalCount() throws Exception {
        client.post(ASSOCIATIONS, Bodies.ds4("123456789"), token);
        client.post(ASSOCIATIONS, Bodies.ds4("223456789"), token);
        client.post(ASSOCIATIONS, Bodies.ds4("323456789"), token);

        HttpResponse<String> response = client.get(ASSOCIATIONS + "?offset=1&limit=1&totalCount=true", token);

        assertEquals("3", response.headers().firstValue("Total-Count").orElseThrow());
        JsonNode items = json(response);
        assertEquals(1, items.size());
        assertEquals("223456789", items.get(0).at("/studentReference/studentUniqueId").asText());
    }

    @Test
    void queryWithoutTotalCountHasNoTotalCountHeader() throws Exception {
        HttpResponse<String> response = client.get(ASSOCIATIONS, token);

        assertTrue(response.headers().firstValue("Total-Count").isEmpty());
    }

    @Test
    void limitAbove500Is400() throws Exception {
        HttpResponse<String> response = client.get(ASSOCIATIONS + "?limit=501", token);

        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("message").asText().startsWith("Limit must be omitted"), response.body());
    }

    @Test
    void deleteIs204ThenTheIdIs404() throws Exception {
        String path = ASSOCIATIONS + "/" + id(client.post(ASSOCIATIONS, Bodies.ds4("123456789"), token));

        assertEquals(204, client.delete(path, token).statusCode());
        assertEquals(404, client.get(path, token).statusCode());
        assertEquals(404, client.delete(path, token).statusCode());
    }

    @Test
    void unknownIdIs404WithMessage() throws Exception {
        HttpResponse<String> response = client.get(ASSOCIATIONS + "/0123456789abcdef0123456789abcdef", token);

        assertEquals(404, response.statusCode());
        assertEquals("Entity of type 'StudentCTEProgramAssociation' with the specified id was not found.",
                json(response).get("message").asText());
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertEquals(404, client.get("/data/v3/ed-fi/sessions", token).statusCode());
    }

    @Test
    void postedStudentCanBeReferenced() throws Exception {
        HttpResponse<String> student = client.post("/data/v3/ed-fi/students", "{\"studentUniqueId\":\"999\"}", token);

        assertEquals(201, student.statusCode());
        assertEquals(201, client.post(ASSOCIATIONS, Bodies.ds4("999"), token).statusCode());
    }

    @Test
    void postingAKnownStudentAgainIs200() throws Exception {
        HttpResponse<String> response = client.post("/data/v3/ed-fi/students", "{\"studentUniqueId\":\"123456789\"}", token);

        assertEquals(200, response.statusCode());
    }

    @Test
    void dataStandard5BodyIsAcceptedIn7xWithLastModifiedDate() throws Exception {
        try (SandboxOds seven = SandboxOds.start(SandboxClient.options().withDataStandard(5).withApiMajorVersion(7))) {
            seven.addStudents(List.of("123456789"));
            SandboxClient sevenClient = new SandboxClient(seven);
            String sevenToken = sevenClient.token();

            HttpResponse<String> response = sevenClient.post(ASSOCIATIONS, Bodies.ds5("123456789"), sevenToken);

            assertEquals(201, response.statusCode(), response.body());
            JsonNode item = json(sevenClient.get(ASSOCIATIONS + "/" + id(response), sevenToken));
            assertTrue(item.get("_lastModifiedDate").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z"));
            assertFalse(item.has("ctePrograms"));
        }
    }

    @Test
    void statsCountRequestsByRouteAndStatus() throws Exception {
        sandbox.stats().reset();
        client.post(ASSOCIATIONS, Bodies.ds4("123456789"), token);
        client.post(ASSOCIATIONS, Bodies.ds4("123456789"), token);

        assertEquals(2, sandbox.stats().requests(Route.POST_ASSOCIATION));
        assertEquals(1, sandbox.stats().responses(201));
        assertEquals(1, sandbox.stats().responses(200));
        sandbox.stats().reset();
        assertEquals(0, sandbox.stats().requests());
    }

    @Test
    void bodyIsStoredAsSent() throws Exception {
        String body = Bodies.ds4("123456789");
        client.post(ASSOCIATIONS, body, token);

        JsonNode stored = sandbox.associations().get(0);

        JsonNode sent = new ObjectMapper().readTree(body);
        assertEquals(sent.get("ctePrograms"), stored.get("ctePrograms"));
        assertEquals(sent.get("beginDate"), stored.get("beginDate"));
    }
}
