package nm.cte.run;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nm.cte.domain.Checked;
import nm.cte.domain.CteProgram;
import nm.cte.domain.Eligibility;
import nm.cte.domain.LeaNumber;
import nm.cte.domain.SchoolYear;
import nm.cte.domain.Schools;
import nm.cte.edfi.AssociationJson;
import nm.cte.edfi.DataStandard;
import nm.cte.edfi.EdFiSchema;
import nm.cte.source.SourceRows;
import nm.cte.source.StudentRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens and closes publishing runs: reads the district's reference data into the rules a run judges by. */
public final class Runs {

    private static final Logger LOG = LoggerFactory.getLogger(Runs.class);

    private final Integer configuredSchoolYear;
    private final CteProgram program;
    private final DataStandard dataStandard;
    private final EdFiSchema schema;
    private final Clock clock;

    /** @param configuredSchoolYear the ending year of D3, or null to derive it from today */
    public Runs(Integer configuredSchoolYear, CteProgram program, DataStandard dataStandard, Clock clock) {
        this.configuredSchoolYear = configuredSchoolYear;
        this.program = program;
        this.dataStandard = dataStandard;
        this.schema = new EdFiSchema(dataStandard);
        this.clock = clock;
    }

    /** The school year a run judges by (D3): as configured, or the one today belongs to. */
    public int schoolYearEnding() {
        return configuredSchoolYear != null ? configuredSchoolYear : SchoolYear.endingYearOn(LocalDate.now(clock));
    }

    public Run open(RunOptions options, List<Map<String, Object>> yearTerms, List<Map<String, Object>> districtNumbers,
                    List<Map<String, Object>> schools) {
        SchoolYear schoolYear = SourceRows.schoolYear(schoolYearEnding(), yearTerms);
        Checked<LeaNumber> lea = LeaNumber.parse(SourceRows.districtNumber(districtNumbers));
        if (!lea.isValid()) {
            LOG.error("{}: every record of this run is INVALID_DISTRICT_NUMBER", lea.problem());
        }
        if (!dataStandard.hasCtePrograms()) {
            LOG.warn("Data Standard 5 has no field for the career pathway or the completion flag: they are not sent");
        }
        Eligibility eligibility = new Eligibility(schoolYear, new Schools(schools.stream().map(SourceRows::school).toList()),
                lea, program);
        LOG.info("Run started: {}school year {} ({} to {}), Ed-Fi {}", options.dryRun() ? "dry run, " : "",
                schoolYear.label(), schoolYear.firstDay(), schoolYear.lastDay(), dataStandard);
        return new Run(options, schoolYear, eligibility, new AssociationJson(dataStandard, program), schema);
    }

    /** The enrollment periods one student at a time, until the run is stopped. */
    public StudentRows students(Iterator<Map<String, Object>> rows, Run run) {
        return StudentRows.of(rows, () -> run.stoppedBy() != null);
    }

    /**
     * The ODS did not answer through every redelivery, or refused the credentials: no further record is read, those
     * in flight finish, and the run fails (D11, spec section 6).
     */
    public void stop(Run run, Exception reason) {
        LOG.error("Run stopping: {}", reason.getMessage());
        run.stop(reason);
    }

    /** Ends the run; a stopped run fails with the reason it stopped. */
    public Run close(Run run) throws Exception {
        run.summary().finish();
        if (run.stoppedBy() != null) {
            throw run.stoppedBy();
        }
        RunSummary summary = run.summary();
        LOG.info("Run ended in {} ms: {} candidates, {}", summary.duration().toMillis(), summary.candidates(),
                RunReport.statusCounts(summary));
        return run;
    }
}
