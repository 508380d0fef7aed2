package nm.cte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The identity of a studentCTEProgramAssociation, by which a POST updates rather than creates (D10). */
record NaturalKey(String beginDate, String educationOrganizationId, String programEducationOrganizationId,
                  String programName, String programTypeDescriptor, String studentUniqueId) {

    /** The key of a body that has passed the schema, so has every part. */
    static NaturalKey of(JsonNode association) {
        JsonNode program = association.path("programReference");
        return new NaturalKey(
                association.path("beginDate").asText(),
                association.path("educationOrganizationReference").path("educationOrganizationId").asText(),
                program.path("educationOrganizationId").asText(),
                program.path("programName").asText(),
                program.path("programTypeDescriptor").asText(),
                association.path("studentReference").path("studentUniqueId").asText());
    }

    /** The key of a program, as programReference and POST /programs both give it. */
    static String programKey(String educationOrganizationId, String programName, String programTypeDescriptor) {
        return educationOrganizationId + "\n" + programName + "\n" + programTypeDescriptor;
    }

    String programKey() {
        return programKey(programEducationOrganizationId, programName, programTypeDescriptor);
    }

    /** Whether every key field named in the query (by the ODS/API's parameter names) has the value asked for. */
    boolean matches(Map<String, String> query) {
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            String value = field(parameter.getKey());
            if (value != null && !value.equals(parameter.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The field a query parameter filters on, or null for parameters that are not key fields (offset, limit, ...). */
    private String field(String parameter) {
        return switch (parameter) {
            case "beginDate" -> beginDate;
            case "educationOrganizationId" -> educationOrganizationId;
            case "programEducationOrganizationId" -> programEducationOrganizationId;
            case "programName" -> programName;
            case "programTypeDescriptor" -> programTypeDescriptor;
            case "studentUniqueId" -> studentUniqueId;
            default -> null;
        };
    }
}
