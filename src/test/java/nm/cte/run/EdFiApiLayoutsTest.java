package nm.cte.run;

import static nm.cte.PublisherHarness.CLIENT_ID;
import static nm.cte.PublisherHarness.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nm.cte.PowerSchoolFixture;
import nm.cte.PublisherHarness;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import nm.cte.sandbox.Layout;
import nm.cte.sandbox.Route;
import nm.cte.sandbox.SandboxOds;
import nm.cte.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * D11 against every layout of a real Ed-Fi API: with CTE_ODS_BASE_URL alone (and the instance where the API has
 * instances), a run finds the token and the data in the discovery document, in the Data Standard it names, with the
 * run's own school year in a year-specific route.
 */
class EdFiApiLayoutsTest {

    private static final LocalDate AUGUST = LocalDate.of(2026, 8, 12);
    private static final String UNKNOWN_STUDENT = "999999999";

    private final List<String> students = new ArrayList<>();
    private PowerSchoolFixture source;
    private SandboxOds ods;

    @BeforeEach
    void district() throws Exception {
        source = PowerSchoolFixture.district();
        for (int i = 0; i < 4; i++) {
            String student = String.valueOf(100000001 + i);
            source.credential(source.student(student, 100, AUGUST), null, false);
            students.add(student);
        }
        source.credential(source.student(UNKNOWN_STUDENT, 100, AUGUST), null, false);
    }

    @AfterEach
    void stop() {
        if (ods != null) {
            ods.close();
        }
    }

    private String[] onlyTheBaseUrl(Layout layout, String ledger) {
        List<String> settings = new ArrayList<>(List.of("cte.ods.base-url", ods.baseUrl().toString(), "cte.ods.client-id", CLIENT_ID,
                "cte.ods.client-secret", CLIENT_SECRET, "cte.state.jdbc-url", ledger));
        if (layout == Layout.INSTANCE) {
            settings.addAll(List.of("cte.ods.instance", Layout.INSTANCE_ID));
        }
        return settings.toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyRecordIsPublishedAtTheApisOwnUrlInItsDataStandard(Layout layout) throws Exception {
        ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET).withLayout(layout).withSchoolYear(2027));
        ods.addStudents(students);
        String ledger = PublisherHarness.freshLedger();

        Run run;
        try (PublisherHarness publisher = new PublisherHarness(source.url(), onlyTheBaseUrl(layout, ledger))) {
            run = publisher.publish();
        }

        assertEquals(students.size(), run.summary().count(Status.PUBLISHED), run.summary().statusCounts());
        assertEquals(1, run.summary().count(Reason.STUDENT_NOT_PUBLISHED), run.summary().statusCounts());
        assertEquals(ods.dataUrl().toString(), run.ods().dataUrl().toString());
        List<ObjectNode> stored = ods.associations();
        assertEquals(students.size(), stored.size());
        String field = layout == Layout.TENANT || layout == Layout.DMS ? "cteProgramServices" : "ctePrograms";
        assertTrue(stored.get(0).has(field), layout + " stores " + stored.get(0));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void unchangedRerunSendsNothing(Layout layout) throws Exception {
        ods = SandboxOds.start(SandboxOptions.defaults(CLIENT_ID, CLIENT_SECRET).withLayout(layout).withSchoolYear(2027));
        ods.addStudents(students);
        String ledger = PublisherHarness.freshLedger();
        try (PublisherHarness publisher = new PublisherHarness(source.url(), onlyTheBaseUrl(layout, ledger))) {
            publisher.publish();
        }
        long posts = ods.stats().requests(Route.POST_ASSOCIATION);

        Run again;
        try (PublisherHarness publisher = new PublisherHarness(source.url(), onlyTheBaseUrl(layout, ledger))) {
            again = publisher.publish();
        }

        assertEquals(students.size(), again.summary().count(Status.UNCHANGED), again.summary().statusCounts());
        // the unknown student's DEPENDENCY is tried again, as D14 says; nothing else is sent
        assertEquals(posts + 1, ods.stats().requests(Route.POST_ASSOCIATION), ods.stats().toString());
    }
}
