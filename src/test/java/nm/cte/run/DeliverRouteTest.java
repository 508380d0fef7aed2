package nm.cte.run;

import static org.apache.camel.test.junit5.TestSupport.assertIsInstanceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerRecord;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.ToDynamicDefinition;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deliver and delete routes as they are (their error handling, marshalling and classification) with the ODS's
 * HTTP endpoint replaced by a mock that answers as the ODS/API does: D11's outcomes and redelivery, D13's deletes.
 */
class DeliverRouteTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 12);
    private static final String ASSOCIATIONS = "http://127.0.0.1:9/data/v3/ed-fi/studentCTEProgramAssociations";

    private final String ledger = PublisherHarness.freshLedger();
    private PowerSchoolFixture source;
    private PublisherHarness publisher;
    private SandboxOds discovery;
    /** What the mock ODS answers next, one answer a request; the last one answers every request after it. */
    private final Deque<Answer> answers = new ArrayDeque<>();

    /** One answer of the ODS: its status and body, and the resource id it gives a stored record. */
    private record Answer(int status, String body, String resourceId, Map<String, String> headers) {
        static Answer stored(int status, String resourceId) {
            return new Answer(status, "", resourceId, Map.of());
        }

        static Answer failed(int status, String body) {
            return new Answer(status, body, null, Map.of("Content-Type", "application/json"));
        }
    }

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.district();
        source.credential(source.student("100000001", 100, AUGUST), null, false);
    }

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close();
        }
        if (discovery != null) {
            discovery.close();
        }
    }

    /** The publisher with both routes' HTTP endpoint woven out for mock:ods, which answers from {@link #answers}. */
    private MockEndpoint mockOds() throws Exception {
        // the sandbox serves the discovery document and the token; the records go to the mock
        discovery = SandboxOds.start(SandboxOptions.defaults(PublisherHarness.CLIENT_ID, PublisherHarness.CLIENT_SECRET));
        publisher = new PublisherHarness(source.url(), PublisherHarness.sandbox(discovery, "cte.state.jdbc-url", ledger,
                "cte.ods.redelivery.delay-ms", "1", "cte.ods.redelivery.maximum-delay-ms", "2"));
        publisher.loadDeliveryRoutes();
        for (String route : List.of("deliver", "delete")) {
            AdviceWith.adviceWith(publisher.context(), route,
                    advice -> advice.weaveByType(ToDynamicDefinition.class).replace().to("mock:ods"));
        }
        MockEndpoint ods = publisher.context().getEndpoint("mock:ods", MockEndpoint.class);
        ods.whenAnyExchangeReceived(this::answer);
        return ods;
    }

    private void answer(Exchange exchange) throws HttpOperationFailedException {
        Answer answer = answers.size() > 1 ? answers.poll() : answers.peek();
        // as camel-http does: the status is a header whether or not the answer is a failure
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        if (answer.status() >= 300) {
            throw new HttpOperationFailedException(ASSOCIATIONS, answer.status(), "", null, answer.headers(), answer.body());
        }
        exchange.getMessage().setHeader("Location", answer.resourceId() == null ? null : ASSOCIATIONS + "/" + answer.resourceId());
        exchange.getMessage().setBody(answer.body());
    }

    private Run publish() {
        return publisher.publish();
    }

    @Test
    void createdRecordIsPublishedWithTheResourceIdOfItsLocation() throws Exception {
        MockEndpoint ods = mockOds();
        answers.add(Answer.stored(201, "0af1c2e3b4d5"));
        ods.expectedMessageCount(1);

        Run run = publish();

        ods.assertIsSatisfied();
        assertEquals(1, run.summary().count(Status.PUBLISHED), run.summary().statusCounts());
        assertEquals("0af1c2e3b4d5", theLedgersRecord().resourceId());
    }

    @Test
    void recordIsSentAsTheEdFiJsonOfItsDataStandard() throws Exception {
        MockEndpoint ods = mockOds();
        answers.add(Answer.stored(201, "0af1c2e3b4d5"));

        publish();

        byte[] sent = assertIsInstanceOf(byte[].class, ods.getReceivedExchanges().get(0).getIn().getBody());
        JsonNode record = new ObjectMapper().readTree(sent);
        assertEquals("100000001", record.at("/studentReference/studentUniqueId").asText());
        assertEquals(35001100, record.at("/educationOrganizationReference/educationOrganizationId").asInt());
        assertTrue(record.has("ctePrograms"), record.toString());
        assertNull(record.get("id"));
    }

    @Test
    void conflictNamingTheStudentIsDependency() throws Exception {
        mockOds();
        answers.add(Answer.failed(409, "{\"message\":\"The value supplied for the related 'Student' resource does not exist.\"}"));

        Run run = publish();

        assertEquals(1, run.summary().count(Reason.STUDENT_NOT_PUBLISHED), run.summary().statusCounts());
    }

    @Test
    void conflictNamingTheProgramIsDependency() throws Exception {
        mockOds();
        answers.add(Answer.failed(409, "{\"detail\":\"The referenced 'Program' item does not exist.\","
                + "\"type\":\"urn:ed-fi:api:data-conflict:unresolved-reference\",\"title\":\"Unresolved Reference\",\"status\":409}"));

        Run run = publish();

        assertEquals(1, run.summary().count(Reason.PROGRAM_NOT_PUBLISHED), run.summary().statusCounts());
    }

    @Test
    void badRequestIsErrorWithTheOdsMessage() throws Exception {
        MockEndpoint ods = mockOds();
        answers.add(Answer.failed(400, "{\"message\":\"Validation of 'StudentCTEProgramAssociation' failed.\"}"));
        ods.expectedMessageCount(1);

        Run run = publish();

        ods.assertIsSatisfied();
        assertEquals(1, run.summary().count(Reason.ODS_REJECTED), run.summary().statusCounts());
        String message = theLedgersRecord().message();
        assertEquals("400: Validation of 'StudentCTEProgramAssociation' failed.", message);
    }

    @Test
    void serverFailureIsRedeliveredUntilTheRecordIsStored() throws Exception {
        MockEndpoint ods = mockOds();
        answers.add(Answer.failed(503, "{\"message\":\"busy\"}"));
        answers.add(Answer.failed(429, ""));
        answers.add(Answer.stored(201, "0af1c2e3b4d5"));
        ods.expectedMessageCount(3);

        Run run = publish();

        ods.assertIsSatisfied();
        assertEquals(1, run.summary().count(Status.PUBLISHED), run.summary().statusCounts());
    }

    @Test
    void serverFailureOutlastingEveryRedeliveryIsUnavailable() throws Exception {
        MockEndpoint ods = mockOds();
        answers.add(Answer.failed(500, "{\"message\":\"An unexpected problem has occurred.\"}"));
        // the first try and 8 redeliveries
        ods.expectedMessageCount(9);

        Run run = publish();

        ods.assertIsSatisfied();
        assertEquals(1, run.summary().count(Reason.ODS_UNAVAILABLE), run.summary().statusCounts());
    }

    @Test
    void refusalIsNotRedelivered() throws Exception {
        MockEndpoint ods = mockOds();
        answers.add(Answer.failed(409, "{\"message\":\"The value supplied for the related 'Student' resource does not exist.\"}"));
        ods.expectedMessageCount(1);

        publish();

        ods.assertIsSatisfied();
    }

    /**
     * A record the ODS stored (resource id 0af1c2e3b4d5) whose student is then excluded: the next run deletes it, and
     * the mock, reset, answers that deletion from {@link #answers}.
     */
    private MockEndpoint aRecordNoLongerProduced(Answer toTheDeletion) throws Exception {
        MockEndpoint ods = mockOds();
        answers.add(Answer.stored(201, "0af1c2e3b4d5"));
        publish();
        source.update("UPDATE STUDENTS SET STATE_EXCLUDEFROMREPORTING = 1");
        ods.reset();
        ods.whenAnyExchangeReceived(this::answer);
        answers.clear();
        answers.add(toTheDeletion);
        return ods;
    }

    private Run runConfirmingDeletes() {
        return publisher.run(new RunOptions(RunOptions.Mode.CHANGES, null, null, false, true));
    }

    @Test
    void recordNoLongerProducedIsDeletedByItsResourceId() throws Exception {
        MockEndpoint ods = aRecordNoLongerProduced(Answer.stored(204, null));
        ods.expectedMessageCount(1);
        ods.expectedHeaderReceived(Exchange.HTTP_PATH, "0af1c2e3b4d5");

        Run run = runConfirmingDeletes();

        ods.assertIsSatisfied();
        assertEquals(1, run.summary().count(Status.DELETED), run.summary().statusCounts());
    }

    @Test
    void deletionTheOdsNoLongerHasCountsAsDeleted() throws Exception {
        aRecordNoLongerProduced(Answer.failed(404, "{\"message\":\"Resource was not found.\"}"));

        Run run = runConfirmingDeletes();

        assertEquals(1, run.summary().count(Status.DELETED), run.summary().statusCounts());
    }

    @Test
    void deletionOutlastingEveryRedeliveryIsTriedAgainNextRun() throws Exception {
        aRecordNoLongerProduced(Answer.failed(503, ""));

        Run run = runConfirmingDeletes();

        assertEquals(1, run.summary().count(Reason.ODS_UNAVAILABLE), run.summary().statusCounts());
        assertEquals(Status.PUBLISHED.name(), theLedgersRecord().status());
    }

    /** What the ledger keeps of the one record of these tests. */
    private LedgerRecord theLedgersRecord() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(ledger);
        List<LedgerRecord> records = new java.util.ArrayList<>();
        new Ledger(database, ledger, 30, java.time.Duration.ofSeconds(90)).eachRecordBefore(0, 2027, records::add);
        assertEquals(1, records.size(), "the ledger's records");
        return records.get(0);
    }
}
