package nm.cte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/** POST of a resource the ODS holds only so that associations may refer to it: a student or a program. */
final class RegistrationEndpoint {

    private final String resource;
    private final String collectionUrl;
    private final List<String> requiredPointers;
    private final Function<JsonNode, String> keyOf;
    private final Registry registry;
    private final ErrorDialect errors;

    /**
     * @param resource         the ODS's name of the resource, as in "Validation of 'Student' failed."
     * @param requiredPointers the JSON pointers of the fields that make up the natural key
     */
    RegistrationEndpoint(String resource, String collectionUrl, List<String> requiredPointers,
                         Function<JsonNode, String> keyOf, Registry registry, ErrorDialect errors) {
        this.resource = resource;
        this.collectionUrl = collectionUrl;
        this.requiredPointers = requiredPointers;
        this.keyOf = keyOf;
        this.registry = registry;
        this.errors = errors;
    }

    static RegistrationEndpoint students(String dataUrl, Registry students, ErrorDialect errors) {
        return new RegistrationEndpoint("Student", dataUrl + "/ed-fi/students", List.of("/studentUniqueId"),
                body -> body.path("studentUniqueId").asText(), students, errors);
    }

    static RegistrationEndpoint programs(String dataUrl, Registry programs, ErrorDialect errors) {
        return new RegistrationEndpoint("Program", dataUrl + "/ed-fi/programs",
                List.of("/educationOrganizationReference/educationOrganizationId", "/programName", "/programTypeDescriptor"),
                body -> NaturalKey.programKey(
                        body.at("/educationOrganizationReference/educationOrganizationId").asText(),
                        body.path("programName").asText(),
                        body.path("programTypeDescriptor").asText()),
                programs, errors);
    }

    Answer post(Incoming in) throws Refusal {
        ObjectNode body = JsonBody.read(in, errors);
        List<SchemaProblem> missing = requiredPointers.stream()
                .filter(pointer -> !body.at(pointer).isValueNode() || body.at(pointer).asText().isBlank())
                .map(SchemaProblem::required)
                .toList();
        if (!missing.isEmpty()) {
            return errors.validationFailed(resource, missing);
        }
        return registry.register(keyOf.apply(body)).answer(collectionUrl);
    }
}
