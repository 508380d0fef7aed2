package nm.cte;

import java.time.LocalDate;
import java.util.List;
import nm.cte.sandbox.SandboxOds;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test: a PowerSchool district of these CTE students, each entered on one day, and a sandbox ODS/API that knows
 * every one of them (E10). Registered with {@code @RegisterExtension}.
 */
public final class DistrictWithOds implements BeforeEachCallback, AfterEachCallback {

    private final List<String> students;
    private final LocalDate entered;
    private PowerSchoolFixture source;
    private SandboxOds ods;

    public DistrictWithOds(List<String> students, LocalDate entered) {
        this.students = List.copyOf(students);
        this.entered = entered;
    }

    @Override
    public void beforeEach(ExtensionContext test) throws Exception {
        source = PowerSchoolFixture.districtOf(students, entered);
        ods = PublisherHarness.sandboxKnowing(source);
    }

    @Override
    public void afterEach(ExtensionContext test) {
        ods.close();
    }

    public PowerSchoolFixture source() {
        return source;
    }

    public SandboxOds ods() {
        return ods;
    }

    /** A publisher of the district that sends to the sandbox, on a fresh ledger unless the settings name one. */
    public PublisherHarness publisher(String... settings) throws Exception {
        return new PublisherHarness(source.url(), PublisherHarness.sandbox(ods, settings));
    }
}
