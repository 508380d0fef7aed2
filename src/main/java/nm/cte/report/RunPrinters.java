package nm.cte.report;

import java.util.IdentityHashMap;
import java.util.Map;
import nm.cte.domain.Candidate;
import nm.cte.run.Deletion;
import nm.cte.run.RecordPrinter;
import nm.cte.run.Run;
import nm.cte.run.RunOptions;
import nm.cte.run.StudentBatch;

/**
 * The record printer of a serving publisher: each run that sends nothing prints to the printer its caller gave for it
 * (explain's account of a student on the publishing page), any other to the one the command started with.
 */
public final class RunPrinters implements RecordPrinter {

    private final RecordPrinter otherwise;
    /** By the very options a run was asked with: two explanations of the same student are two runs. */
    private final Map<RunOptions, RecordPrinter> byRun = new IdentityHashMap<>();

    public RunPrinters(RecordPrinter otherwise) {
        this.otherwise = otherwise;
    }

    /** The runs asked with these options print to this printer until {@link #forget} is called. */
    public synchronized void register(RunOptions options, RecordPrinter printer) {
        byRun.put(options, printer);
    }

    public synchronized void forget(RunOptions options) {
        byRun.remove(options);
    }

    private synchronized RecordPrinter of(Run run) {
        return byRun.getOrDefault(run.options(), otherwise);
    }

    @Override
    public void printRecord(Candidate candidate, StudentBatch batch) throws Exception {
        of(batch.run()).printRecord(candidate, batch);
    }

    @Override
    public void printRecord(Deletion deletion, Run run) {
        of(run).printRecord(deletion, run);
    }

    @Override
    public void printRecords(StudentBatch batch) throws Exception {
        of(batch.run()).printRecords(batch);
    }
}
