package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The studentCTEProgramAssociations resource: upsert by POST, read by id or by query, delete by id, each check in the
 * order the ODS/API makes it (body, schema, id, references).
 */
final class AssociationEndpoint {

    private static final String RESOURCE = "StudentCTEProgramAssociation";

    private final String collectionUrl;
    private final AssociationSchema schema;
    private final AssociationStore store;
    private final AssociationView view;
    private final Registry students;
    private final Registry programs;
    private final boolean programsChecked;
    private final ErrorDialect errors;

    AssociationEndpoint(String collectionUrl, AssociationSchema schema, AssociationStore store, AssociationView view,
                        Registry students, Registry programs, boolean programsChecked, ErrorDialect errors) {
        this.collectionUrl = collectionUrl;
        this.schema = schema;
        this.store = store;
        this.view = view;
        this.students = students;
        this.programs = programs;
        this.programsChecked = programsChecked;
        this.errors = errors;
    }

    Answer post(Incoming in) throws Refusal {
        ObjectNode body = JsonBody.read(in, errors);
        List<SchemaProblem> problems = schema.problems(body);
        if (!problems.isEmpty()) {
            return errors.validationFailed(RESOURCE, problems);
        }
        if (body.has("id")) {
            return errors.identifierAssigned();
        }
        NaturalKey key = NaturalKey.of(body);
        List<ErrorDialect.MissingReference> missing = new ArrayList<>();
        if (!students.holds(key.studentUniqueId())) {
            missing.add(new ErrorDialect.MissingReference("Student", body.path("studentReference").deepCopy()));
        }
        if (programsChecked && !programs.holds(key.programKey())) {
            missing.add(new ErrorDialect.MissingReference("Program", body.path("programReference").deepCopy()));
        }
        if (!missing.isEmpty()) {
            return errors.unresolvedReferences(missing);
        }
        return store.upsert(key, body).answer(collectionUrl);
    }

    Answer get(Incoming in) {
        return store.byId(in.resourceId())
                .map(stored -> Answer.json(200, view.render(stored)).with("ETag", Versions.etag(stored.version())))
                .orElseGet(() -> errors.notFound(RESOURCE));
    }

    Answer query(Incoming in) throws Refusal {
        AssociationStore.Page page = store.query(in.query(), Paging.of(in.query(), errors));
        ArrayNode items = Json.MAPPER.createArrayNode();
        page.items().forEach(stored -> items.add(view.render(stored)));
        Answer answer = Answer.json(200, items);
        return "true".equalsIgnoreCase(in.query().get("totalCount"))
                ? answer.with("Total-Count", Integer.toString(page.total())) : answer;
    }

    Answer delete(Incoming in) {
        return store.delete(in.resourceId()) ? Answer.empty(204) : errors.notFound(RESOURCE);
    }
}
