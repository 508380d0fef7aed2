package nm.cte.run;

import nm.cte.domain.Eligibility;
import nm.cte.domain.SchoolYear;
import nm.cte.edfi.AssociationJson;
import nm.cte.edfi.EdFiSchema;

/** One publishing run: what was asked, the school year and rules it judges by, and what it has counted so far. */
public final class Run {

    private final RunOptions options;
    private final SchoolYear schoolYear;
    private final Eligibility eligibility;
    private final AssociationJson json;
    private final EdFiSchema schema;
    private final RunSummary summary = new RunSummary();
    private final ProgramsPublished programs = new ProgramsPublished();
    private volatile Exception stoppedBy;

    Run(RunOptions options, SchoolYear schoolYear, Eligibility eligibility, AssociationJson json, EdFiSchema schema) {
        this.options = options;
        this.schoolYear = schoolYear;
        this.eligibility = eligibility;
        this.json = json;
        this.schema = schema;
    }

    public RunOptions options() {
        return options;
    }

    public SchoolYear schoolYear() {
        return schoolYear;
    }

    public RunSummary summary() {
        return summary;
    }

    Eligibility eligibility() {
        return eligibility;
    }

    AssociationJson json() {
        return json;
    }

    EdFiSchema schema() {
        return schema;
    }

    /** Why the run stopped before its end (the ODS stopped answering, or refused the credentials), or null. */
    public Exception stoppedBy() {
        return stoppedBy;
    }

    void stop(Exception reason) {
        if (stoppedBy == null) {
            stoppedBy = reason;
        }
    }

    ProgramsPublished programs() {
        return programs;
    }
}
