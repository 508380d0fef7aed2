package nm.cte.run;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import nm.cte.domain.Eligibility;
import nm.cte.domain.SchoolYear;
import nm.cte.edfi.AssociationJson;
import nm.cte.edfi.EdFiSchema;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.LedgerRecord;
import nm.cte.ods.Discovery;

/** One publishing run: what was asked, the school year and rules it judges by, the ledger it asks, and what it counted. */
public final class Run {

    private final long number;
    private final RunOptions options;
    private final SchoolYear schoolYear;
    private final Eligibility eligibility;
    private final AssociationJson json;
    private final EdFiSchema schema;
    private final Discovery.Endpoints ods;
    private final Ledger ledger;
    private final LedgerBatch writes;
    private final RunSummary summary;
    private final ProgramsPublished programs = new ProgramsPublished();
    /** The natural keys of the records this run produced that the ledger had: the ledger's others are deleted (D13). */
    private final ProducedKeys produced = new ProducedKeys();
    /** How many of those the ODS held when the run started: D13's guard counts them among the year's published records. */
    private final LongAdder producedInOds = new LongAdder();
    /**
     * The natural keys of the records a selective run produced whose ledger row its selection does not select (a D10
     * merge left another PS student number on it): its pass (D13) does not read them, and counts them apart. A run of
     * the whole district selects every row and keeps none.
     */
    private final Set<String> producedOutsideSelection = ConcurrentHashMap.newKeySet();
    private volatile Exception stoppedBy;
    private volatile Future<?> leaseRenewal;

    Run(long number, RunOptions options, SchoolYear schoolYear, Eligibility eligibility, AssociationJson json, EdFiSchema schema,
        Discovery.Endpoints ods, Ledger ledger, LedgerBatch writes, Instant started) {
        this.summary = new RunSummary(started);
        this.number = number;
        this.options = options;
        this.schoolYear = schoolYear;
        this.eligibility = eligibility;
        this.json = json;
        this.schema = schema;
        this.ods = ods;
        this.ledger = ledger;
        this.writes = writes;
    }

    /** The ledger's number of this run; 0 for a dry run, which the ledger does not keep. */
    public long number() {
        return number;
    }

    public RunOptions options() {
        return options;
    }

    public SchoolYear schoolYear() {
        return schoolYear;
    }

    /** The parameters of enrollment-periods.sql: the school year's first and last day (D3), and the run's selection. */
    public Map<String, Object> sourceParameters() {
        return Map.of("firstDay", schoolYear.firstDay(), "lastDay", schoolYear.lastDay(),
                "student", options.studentParameter(), "school", options.schoolParameter());
    }

    /** Where the run finds the Ed-Fi API (D11); null for a dry run without one. */
    public Discovery.Endpoints ods() {
        return ods;
    }

    /**
     * Where the run's records are upserted and deleted (D11, D13); null for a dry run, which sends nothing: neither an
     * HTTP endpoint nor its client is made for explain and dry runs.
     */
    public String associationsUrl() {
        return ods == null || options.dryRun() ? null : ods.associations();
    }

    /** Where the run's Programs are upserted (D11, optional); null for a dry run, which sends nothing. */
    public String programsUrl() {
        return ods == null || options.dryRun() ? null : ods.programs();
    }

    public RunSummary summary() {
        return summary;
    }

    /** Why the run stopped before its end (the ODS stopped answering, or refused the credentials), or null. */
    public Exception stoppedBy() {
        return stoppedBy;
    }

    /** Whether the run stopped before its end: it reads and sends no further. */
    boolean stopped() {
        return stoppedBy != null;
    }

    /** Whether this stopped the run: only the first reason counts, however many threads meet one. */
    synchronized boolean stop(Exception reason) {
        if (stoppedBy != null) {
            return false;
        }
        stoppedBy = reason;
        return true;
    }

    /** The renewal of the run's lease on the ledger, stopped when the run ends. */
    void renewing(Future<?> renewal) {
        this.leaseRenewal = renewal;
    }

    void stopRenewing() {
        Future<?> renewal = leaseRenewal;
        if (renewal != null) {
            renewal.cancel(false);
        }
    }

    Eligibility eligibility() {
        return eligibility;
    }

    public AssociationJson json() {
        return json;
    }

    EdFiSchema schema() {
        return schema;
    }

    /** What the ledger knows of these students' records of the school year, by natural key: a batch's, never the whole year's. */
    Map<String, LedgerRecord> known(Collection<String> studentUniqueIds) throws SQLException {
        return studentUniqueIds.isEmpty() ? Map.of() : ledger.records(schoolYear.endingYear(), studentUniqueIds);
    }

    Ledger ledger() {
        return ledger;
    }

    LedgerBatch writes() {
        return writes;
    }

    /**
     * The run produced the record with this natural key, which the ledger had (only the ledger's keys matter to D13,
     * and remembering no others keeps a large run small).
     */
    void produced(String naturalKey, LedgerRecord known) {
        if (!produced.add(naturalKey)) {
            return;
        }
        if (known.isInOds()) {
            producedInOds.increment();
        }
        if (!options.selects(known)) {
            producedOutsideSelection.add(naturalKey);
        }
    }

    /** Whether the run produced the ledger's record with this natural key. */
    boolean produced(String naturalKey) {
        return produced.contains(naturalKey);
    }

    /** How many records the run produced that the ODS held when it started. */
    long producedInOds() {
        return producedInOds.sum();
    }

    /** The natural keys of the records the run produced whose ledger row lies outside its selection. */
    Set<String> producedOutsideSelection() {
        return Set.copyOf(producedOutsideSelection);
    }

    ProgramsPublished programs() {
        return programs;
    }
}
