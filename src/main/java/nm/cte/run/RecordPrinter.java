package nm.cte.run;

import nm.cte.domain.Candidate;

/** Shows people each record of a run that sends nothing: the dry run's lines, or explain's account of a student. */
public interface RecordPrinter {

    void printRecord(Candidate candidate, StudentBatch batch) throws Exception;

    void printRecord(Deletion deletion, Run run);

    /** Every candidate of a batch, in the source's order. */
    default void printRecords(StudentBatch batch) throws Exception {
        for (Candidate candidate : batch.candidates()) {
            printRecord(candidate, batch);
        }
    }
}
