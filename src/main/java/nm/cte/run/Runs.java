package nm.cte.run;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import nm.cte.domain.Checked;
import nm.cte.domain.CteProgram;
import nm.cte.domain.Eligibility;
import nm.cte.domain.Outcome;
import nm.cte.domain.LeaNumber;
import nm.cte.domain.SchoolYear;
import nm.cte.domain.Schools;
import nm.cte.edfi.AssociationJson;
import nm.cte.edfi.DataStandard;
import nm.cte.edfi.EdFiSchema;
import nm.cte.ledger.Ledger;
import nm.cte.ledger.Ledger.RunOutcome;
import nm.cte.ledger.LedgerHeldException;
import nm.cte.ledger.LedgerRecord;
import nm.cte.ods.Discovery;
import nm.cte.ods.OdsConnection;
import nm.cte.ods.OdsUnreachableException;
import nm.cte.source.SharedStateIds;
import nm.cte.source.SourceRows;
import nm.cte.source.StudentRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and closes publishing runs: takes the ledger's lease (one run at a time, across processes and machines) and
 * keeps it renewed, and reads the district's reference data into the rules a run judges by.
 */
public final class Runs {

    private static final Logger LOG = LoggerFactory.getLogger(Runs.class);

    private final Integer configuredSchoolYear;
    private final CteProgram program;
    private final DataStandard configuredDataStandard;
    private final Map<DataStandard, EdFiSchema> schemas = new ConcurrentHashMap<>();
    private final Ledger ledger;
    private final int deleteGuardPercent;
    private final Clock clock;
    private final RunMetrics metrics;
    private final Supplier<OdsConnection> ods;
    private final boolean odsConfigured;
    private final RunThreads threads;
    private final AtomicReference<Run> inFlight = new AtomicReference<>();

    /** The threads of a run besides Camel's routes: the ledger's reader and writer, the lease's renewal. */
    public record RunThreads(ExecutorService ledger, ScheduledExecutorService leaseRenewal, Duration renewEvery) {
    }

    /**
     * @param configuredSchoolYear the ending year of D3, or null to derive it from today
     * @param deleteGuardPercent D13: the largest share of the year's published records a run deletes unconfirmed
     * @param configuredDataStandard D10: the operator's, or null for the one the Ed-Fi API serves
     * @param ods the Ed-Fi API, read when a run opens: a dry run needs none, and reads one when it is configured
     */
    public Runs(Integer configuredSchoolYear, CteProgram program, DataStandard configuredDataStandard, Ledger ledger,
                int deleteGuardPercent, Clock clock, RunMetrics metrics, Supplier<OdsConnection> ods, boolean odsConfigured,
                RunThreads threads) {
        this.configuredSchoolYear = configuredSchoolYear;
        this.program = program;
        this.configuredDataStandard = configuredDataStandard;
        this.ledger = ledger;
        this.deleteGuardPercent = deleteGuardPercent;
        this.clock = clock;
        this.metrics = metrics;
        this.ods = ods;
        this.odsConfigured = odsConfigured;
        this.threads = threads;
    }

    /** The school year a run judges by (D3): as configured, or the one today belongs to. */
    public int schoolYearEnding() {
        return configuredSchoolYear != null ? configuredSchoolYear : SchoolYear.endingYearOn(LocalDate.now(clock));
    }

    /**
     * Opens a run: it takes the ledger's lease, unless it is a dry run, which sends and writes nothing.
     *
     * @throws LedgerHeldException another run holds the ledger (or ran this scheduled fire already): nothing starts
     */
    public Run open(RunOptions options, List<Map<String, Object>> yearTerms, List<Map<String, Object>> districtNumbers,
                    List<Map<String, Object>> schools) throws SQLException, OdsUnreachableException, LedgerHeldException {
        Instant started = Instant.now();
        SchoolYear schoolYear = SourceRows.schoolYear(schoolYearEnding(), yearTerms);
        Checked<LeaNumber> lea = LeaNumber.parse(SourceRows.districtNumber(districtNumbers));
        if (!lea.isValid()) {
            LOG.error("{}: every record of this run is INVALID_DISTRICT_NUMBER", lea.problem());
        }
        Discovery.Endpoints endpoints = endpoints(options, schoolYear.endingYear());
        DataStandard dataStandard = endpoints != null ? DataStandard.of(endpoints.dataStandard())
                : configuredDataStandard != null ? configuredDataStandard : DataStandard.DS4;
        // a run that sends reads the schema on a thread of its own while the lease is taken and the source read; a dry
        // run (explain) reads it at its first READY record only: what it shows is mostly decided without it
        EdFiSchema schema = schemas.computeIfAbsent(dataStandard, EdFiSchema::new);
        if (!options.dryRun()) {
            schema.readAhead(threads.ledger());
        }
        if (!dataStandard.hasCtePrograms()) {
            LOG.warn("Data Standard 5 has no field for the career pathway or the completion flag: they are not sent");
        }
        Eligibility eligibility = new Eligibility(schoolYear, new Schools(schools.stream().map(SourceRows::school).toList()),
                lea, program);
        // a dry run reads the ledger, to show what would be unchanged, but writes nothing, not even its number
        long number = options.dryRun() ? 0
                : ledger.startRun(schoolYear.endingYear(), options.mode().name(), options.selection(), options.scheduledFire());
        LOG.info("{} started: mode {}{}, school year {} ({} to {}), {}", options.dryRun() ? "Dry run" : "Run " + number,
                options.mode().name().toLowerCase(java.util.Locale.ROOT),
                options.isSelective() ? ", " + options.selection() : "", schoolYear.label(), schoolYear.firstDay(),
                schoolYear.lastDay(), endpoints != null ? endpoints.describe() : "Ed-Fi " + dataStandard);
        Run run = new Run(number, options, schoolYear, eligibility, new AssociationJson(dataStandard, program),
                schema, endpoints, ledger,
                new LedgerBatch(options.dryRun() ? null : ledger, number, schoolYear.endingYear(), threads.ledger()), started);
        if (!options.dryRun()) {
            long every = threads.renewEvery().toMillis();
            run.renewing(threads.leaseRenewal().scheduleWithFixedDelay(() -> renewLease(run), every, every, TimeUnit.MILLISECONDS));
        }
        inFlight.set(run);
        return run;
    }

    /**
     * D11: where the run finds the Ed-Fi API, from its discovery document. A dry run needs none, and goes on without
     * one it cannot read; a run that sends cannot.
     */
    private Discovery.Endpoints endpoints(RunOptions options, int schoolYear) throws OdsUnreachableException {
        if (options.dryRun() && !odsConfigured) {
            return null;
        }
        try {
            return ods.get().open(schoolYear);
        } catch (IOException e) {
            if (!options.dryRun()) {
                throw new OdsUnreachableException(ods.get().root().toString(), e);
            }
            LOG.warn("The Ed-Fi API could not be read ({}): the dry run builds the records for the Data Standard set", e.toString());
            return null;
        }
    }

    /** Why a run could not start now, when a run elsewhere holds the ledger; a ledger that fails fails the run itself. */
    public Optional<String> heldElsewhere() {
        try {
            return ledger.heldElsewhere().map(Throwable::getMessage);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** The lease goes on while the run does; a run that lost it (the ledger was out of reach too long) stops. */
    private void renewLease(Run run) {
        try {
            if (!ledger.renewLease(run.number())) {
                stop(run, new RunStoppedException("run " + run.number() + " lost the ledger's lease (it was not renewed in time):"
                        + " it stops, another run may hold the ledger"));
            }
        } catch (SQLException e) {
            LOG.warn("Run {}: the ledger's lease could not be renewed, trying again: {}", run.number(), e.getMessage());
        }
    }

    /** The run ended: the lease is given up for the next run, or expires if the ledger cannot be reached. */
    private void endLease(Run run) {
        run.stopRenewing();
        try {
            ledger.releaseLease(run.number());
        } catch (SQLException e) {
            LOG.warn("Run {}: the ledger's lease could not be given up; it expires by itself: {}", run.number(), e.getMessage());
        }
    }

    /** The run in flight, or null. */
    public Run inFlight() {
        return inFlight.get();
    }

    /** The process is stopping (SIGTERM): the run in flight reads no further, finishes what it sent and fails cleanly. */
    public void stopInFlight(String why) {
        Run run = inFlight.get();
        if (run != null) {
            stop(run, new RunStoppedException(why));
        }
    }

    /**
     * D13: the records the ODS holds for the school year (within the run's selection) that the run did not produce.
     * More than the guard's share of the year's published records is held back unless the operator confirmed; a run
     * that stopped early knows too little to delete anything.
     */
    public List<Deletion> deletions(Run run) throws SQLException {
        if (run.stopped()) {
            return List.of();
        }
        NoLongerProduced found = NoLongerProduced.of(run);
        List<LedgerRecord> gone = found.records();
        if (!gone.isEmpty() && !run.options().confirmDeletes()) {
            // the guard lets the deletions through from this many records of the year on: no need to count further
            long enough = deleteGuardPercent == 0 ? Long.MAX_VALUE : (gone.size() * 100L + deleteGuardPercent - 1) / deleteGuardPercent;
            long inOds = found.inOds(enough);
            if (gone.size() * 100L > deleteGuardPercent * inOds) {
                String held = gone.size() + " of the year's " + inOds + " published records are no longer produced, more than the guard's "
                        + deleteGuardPercent + "%: nothing deleted; check the source, then run with --confirm-deletes";
                LOG.warn("Deletion guard: {}", held);
                run.summary().holdDeletions(held);
                return List.of();
            }
        }
        String why = run.options().dryRun() ? "would be deleted: no longer produced" : "no longer produced";
        return gone.stream().map(record -> new Deletion(record, Outcome.deleted(why))).toList();
    }

    /**
     * The enrollment periods a batch of whole students at a time, until the run is stopped.
     *
     * @param stateIds the state ids of STUDENTS ({@code shared-state-ids.sql}, for one student
     *                 {@code shared-state-ids-of-student.sql}): those carried more than once are judged together (D8, D10)
     */
    public Iterator<StudentBatch> batches(Iterator<Map<String, Object>> rows, Run run, Iterator<Map<String, Object>> stateIds) {
        return new UntilStopped<>(new StudentBatches(StudentRows.of(rows, SharedStateIds.of(stateIds)), run), run::stopped);
    }

    /**
     * The ODS did not answer through every redelivery, or refused the credentials: no further record is read, those
     * in flight finish, and the run fails (D11, spec section 6).
     */
    public void stop(Run run, Exception reason) {
        if (run.stop(reason)) {
            LOG.error("Run stopping: {}", reason.getMessage());
        }
    }

    /** The ODS did not answer through every redelivery: the run stops, naming the server that is silent. */
    public void odsUnreachable(Run run, Exception failure) {
        stop(run, new OdsUnreachableException(run.ods().server(), failure));
    }

    /**
     * A run that could not go on (the source disappeared, the ledger failed): what it sent is still recorded, and the
     * run is marked FAILED with the reason. A failure before the run opened leaves nothing to record.
     */
    public void failed(Run run, Exception failure) {
        if (run == null || !inFlight.compareAndSet(run, null)) {
            return;
        }
        run.stop(failure);
        run.summary().finish();
        metrics.run(run.summary().duration(), "failed");
        LOG.error("{} failed: {}", run.options().dryRun() ? "Dry run" : "Run " + run.number(), failure.getMessage());
        if (run.options().dryRun()) {
            return;
        }
        try {
            run.writes().flush();
            ledger.finishRun(run.number(), run.summary().byStatus(), RunOutcome.FAILED, failure.getMessage());
        } catch (SQLException e) {
            // the ledger itself is gone: the next run marks this one ABANDONED and sends again what it lacks
            LOG.error("Run {} could not be recorded as failed: {}", run.number(), e.getMessage());
        } finally {
            endLease(run);
        }
    }

    /** Ends the run: the last ledger writes, its counts; a stopped run fails with the reason it stopped. */
    public Run close(Run run) throws Exception {
        inFlight.compareAndSet(run, null);
        run.summary().finish();
        metrics.run(run.summary().duration(), run.stopped() ? "failed" : "completed");
        if (!run.options().dryRun()) {
            try {
                run.writes().flush();
                Exception stoppedBy = run.stoppedBy();
                ledger.finishRun(run.number(), run.summary().byStatus(), stoppedBy == null ? RunOutcome.COMPLETED : RunOutcome.FAILED,
                        stoppedBy == null ? run.summary().heldDeletions() : stoppedBy.getMessage());
            } finally {
                endLease(run);
            }
        }
        if (run.stopped()) {
            throw run.stoppedBy();
        }
        RunSummary summary = run.summary();
        LOG.info("{} ended in {} ms: {} candidates{}", run.options().dryRun() ? "Dry run" : "Run " + run.number(),
                summary.duration().toMillis(), summary.candidates(),
                summary.statusCounts().isEmpty() ? "" : ", " + summary.statusCounts());
        return run;
    }
}
