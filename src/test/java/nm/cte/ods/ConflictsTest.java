package nm.cte.ods;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import nm.cte.domain.Reason;
import org.junit.jupiter.api.Test;

/** A 409 read by what it means, in the words of each Ed-Fi API. */
class ConflictsTest {

    private static final Optional<Reason> STUDENT = Optional.of(Reason.STUDENT_NOT_PUBLISHED);
    private static final Optional<Reason> PROGRAM = Optional.of(Reason.PROGRAM_NOT_PUBLISHED);

    @Test
    void odsApi6MissingStudentFailsItsAuthorization() {
        assertEquals(STUDENT, Conflicts.dependency(
                "{\"message\":\"Access to the resource item could not be authorized because the 'Student' was not found.\"}"));
    }

    @Test
    void odsApi6MissingRelatedStudentResource() {
        assertEquals(STUDENT, Conflicts.dependency(
                "{\"message\":\"The value supplied for the related 'student' resource does not exist.\"}"));
    }

    @Test
    void odsApi6MissingRelatedProgramResource() {
        assertEquals(PROGRAM, Conflicts.dependency(
                "{\"message\":\"The value supplied for the related 'program' resource does not exist.\"}"));
    }

    @Test
    void odsApi6ConflictOfAnotherResourceIsNoDependency() {
        assertEquals(Optional.empty(), Conflicts.dependency(
                "{\"message\":\"The value supplied for the related 'school' resource does not exist.\"}"));
    }

    @Test
    void odsApi7UnresolvedStudentReference() {
        assertEquals(STUDENT, Conflicts.dependency("""
                {"detail":"The referenced 'Student' item does not exist.",
                 "type":"urn:ed-fi:api:data-conflict:unresolved-reference","title":"Unresolved Reference","status":409,
                 "correlationId":"b1e8f6f2-3c2c-4a0e-9a55-1f0a2b3c4d5e"}"""));
    }

    @Test
    void odsApi7UnresolvedProgramReference() {
        assertEquals(PROGRAM, Conflicts.dependency("""
                {"detail":"The referenced 'Program' item does not exist.",
                 "type":"urn:ed-fi:api:data-conflict:unresolved-reference","title":"Unresolved Reference","status":409}"""));
    }

    @Test
    void odsApi7ReferenceNamedInItsErrors() {
        assertEquals(STUDENT, Conflicts.dependency("""
                {"detail":"A referenced item does not exist.","type":"urn:ed-fi:api:data-conflict:unresolved-reference",
                 "status":409,"errors":["The referenced 'Student' item does not exist."]}"""));
    }

    @Test
    void odsApi7OtherConflictTypeIsNoDependencyEvenNamingTheStudent() {
        assertEquals(Optional.empty(), Conflicts.dependency("""
                {"detail":"The requested action cannot be performed because this item is referenced by existing 'Student' item(s).",
                 "type":"urn:ed-fi:api:data-conflict:dependent-item-exists","title":"Dependent Item Exists","status":409}"""));
    }

    @Test
    void odsApi7UnresolvedReferenceOfAnotherResourceIsNoDependency() {
        assertEquals(Optional.empty(), Conflicts.dependency("""
                {"detail":"The referenced 'StudentSchoolAssociation' item does not exist.",
                 "type":"urn:ed-fi:api:data-conflict:unresolved-reference","status":409}"""));
    }

    @Test
    void dataManagementServiceMissingStudent() {
        assertEquals(STUDENT, Conflicts.dependency("""
                {"detail":"The referenced Student item(s) do not exist.","type":"urn:ed-fi:api:data-conflict:unresolved-reference",
                 "title":"Unresolved Reference","status":409,"correlationId":null,"validationErrors":{},"errors":[]}"""));
    }

    @Test
    void dataManagementServiceMissingProgramAndStudentIsTheStudentFirst() {
        assertEquals(STUDENT, Conflicts.dependency("""
                {"detail":"The referenced Program, Student item(s) do not exist.",
                 "type":"urn:ed-fi:api:data-conflict:unresolved-reference","title":"Unresolved Reference","status":409,
                 "correlationId":null,"validationErrors":{},"errors":[]}"""));
    }

    @Test
    void dataManagementServiceMissingProgram() {
        assertEquals(PROGRAM, Conflicts.dependency("""
                {"detail":"The referenced Program item(s) do not exist.","type":"urn:ed-fi:api:data-conflict:unresolved-reference",
                 "title":"Unresolved Reference","status":409,"correlationId":null,"validationErrors":{},"errors":[]}"""));
    }

    @Test
    void meadowlarkFailureNamesTheStudent() {
        assertEquals(STUDENT, Conflicts.dependency("""
                {"error":{"message":"Reference validation failed",
                 "failures":[{"resourceName":"Student","identity":{"studentUniqueId":"555555555"}}]}}"""));
    }

    @Test
    void meadowlarkFailureNamesTheProgram() {
        assertEquals(PROGRAM, Conflicts.dependency("""
                {"error":{"message":"Reference validation failed","failures":[{"resourceName":"Program",
                 "identity":{"educationOrganizationId":35001123,"programName":"CTE","programTypeDescriptor":"x"}}]}}"""));
    }

    @Test
    void meadowlarkFailuresAsSentencesOfItsMongoBackend() {
        assertEquals(STUDENT, Conflicts.dependency("""
                {"error":{"message":"Reference validation failed",
                 "failures":["Resource Program is missing identity {}","Resource Student is missing identity {\\"studentUniqueId\\":\\"5\\"}"]}}"""));
    }

    @Test
    void meadowlarkFailureOfAnotherResourceIsNoDependency() {
        assertEquals(Optional.empty(), Conflicts.dependency("""
                {"error":{"message":"Reference validation failed","failures":[{"resourceName":"School","identity":{}}]}}"""));
    }

    @Test
    void emptyOrUnreadableBodyIsNoDependency() {
        assertEquals(Optional.empty(), Conflicts.dependency(""));
        assertEquals(Optional.empty(), Conflicts.dependency(null));
        assertEquals(Optional.empty(), Conflicts.dependency("<html>Conflict</html>"));
    }
}
