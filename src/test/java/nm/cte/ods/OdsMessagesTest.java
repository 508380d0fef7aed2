package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The API's own words from an error body, for the message of an ERROR record. */
class OdsMessagesTest {

    @Test
    void legacyMessage() {
        assertEquals("Resource identifiers cannot be assigned by the client.",
                OdsMessages.of(400, "{\"message\":\"Resource identifiers cannot be assigned by the client.\"}"));
    }

    @Test
    void problemDetailWithValidationErrors() {
        assertEquals("Data validation failed. See 'validationErrors' for details. $.beginDate: is required",
                OdsMessages.of(400, "{\"detail\":\"Data validation failed. See 'validationErrors' for details.\","
                        + "\"type\":\"urn:ed-fi:api:bad-request:data-validation-failed\",\"validationErrors\":{\"$.beginDate\":[\"is required\"]}}"));
    }

    @Test
    void dataManagementServiceProblemReadsAsItsDetail() {
        assertEquals("The referenced Program, Student item(s) do not exist.", OdsMessages.of(409,
                "{\"detail\":\"The referenced Program, Student item(s) do not exist.\",\"type\":\"urn:ed-fi:api:data-conflict:unresolved-reference\","
                        + "\"title\":\"Unresolved Reference\",\"status\":409,\"correlationId\":null,\"validationErrors\":{},\"errors\":[]}"));
    }

    @Test
    void meadowlarkReferenceFailureNamesTheMissingResourceAndItsIdentity() {
        assertEquals("Reference validation failed: Student {\"studentUniqueId\":\"555\"}", OdsMessages.of(409,
                "{\"error\":{\"message\":\"Reference validation failed\",\"failures\":[{\"resourceName\":\"Student\","
                        + "\"identity\":{\"studentUniqueId\":\"555\"}}]}}"));
    }

    @Test
    void meadowlarkSentenceFailuresAreKept() {
        assertEquals("Reference validation failed: Resource Student is missing identity {}", OdsMessages.of(409,
                "{\"error\":{\"message\":\"Reference validation failed\",\"failures\":[\"Resource Student is missing identity {}\"]}}"));
    }

    @Test
    void meadowlarkListOfProblemsGivesEachPathAndMessage() {
        assertEquals("requestBody: must have required property 'beginDate'", OdsMessages.of(400,
                "{\"error\":[{\"message\":\"must have required property 'beginDate'\",\"path\":\"requestBody\",\"context\":{}}]}"));
    }

    @Test
    void meadowlarkPlainErrorText() {
        assertEquals("Invalid authorization header", OdsMessages.of(400, "{\"error\":\"Invalid authorization header\"}"));
    }

    @Test
    void emptyBodyGivesTheStatus() {
        assertEquals("HTTP 401", OdsMessages.of(401, ""));
    }
}
