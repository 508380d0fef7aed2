package nm.cte.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import nm.cte.edfi.DataStandard;

/**
 * Renders a stored association as the ODS/API's GET returns it: the id first, a link in each reference, every
 * collection of the Data Standard (empty when none was sent), {@code _etag} and, from 7.x, {@code _lastModifiedDate}.
 */
final class AssociationView {

    private static final List<String> COLLECTIONS_WITH_CTE_PROGRAMS =
            List.of("ctePrograms", "cteProgramServices", "programParticipationStatuses", "services");
    private static final List<String> COLLECTIONS_WITHOUT_CTE_PROGRAMS =
            List.of("cteProgramServices", "programParticipationStatuses");

    private final List<String> collections;
    private final boolean lastModifiedDate;
    private final Registry students;
    private final Registry programs;

    AssociationView(DataStandard dataStandard, boolean lastModifiedDate, Registry students, Registry programs) {
        this.collections = dataStandard.hasCtePrograms() ? COLLECTIONS_WITH_CTE_PROGRAMS : COLLECTIONS_WITHOUT_CTE_PROGRAMS;
        this.lastModifiedDate = lastModifiedDate;
        this.students = students;
        this.programs = programs;
    }

    ObjectNode render(StoredAssociation stored) {
        ObjectNode view = Json.object().put("id", stored.id());
        // the links go into a copy: the stored body stays as it was POSTed
        view.setAll(stored.body().deepCopy());
        NaturalKey key = NaturalKey.of(view);
        // NM associations belong to a building: its educationOrganizationId is a school's
        link(view, "educationOrganizationReference", "School", "schools",
                Optional.of(Guids.named("school " + key.educationOrganizationId())));
        link(view, "programReference", "Program", "programs", programs.id(key.programKey()));
        link(view, "studentReference", "Student", "students", students.id(key.studentUniqueId()));
        for (String collection : collections) {
            if (!view.has(collection)) {
                view.putArray(collection);
            }
        }
        view.put("_etag", Long.toString(stored.version()));
        if (lastModifiedDate) {
            view.put("_lastModifiedDate", Versions.lastModifiedDate(stored.version()));
        }
        return view;
    }

    private static void link(ObjectNode view, String reference, String rel, String collection, Optional<String> id) {
        JsonNode node = view.get(reference);
        if (node instanceof ObjectNode object && id.isPresent()) {
            object.putObject("link").put("rel", rel).put("href", "/ed-fi/" + collection + "/" + id.get());
        }
    }
}
