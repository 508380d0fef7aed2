package nm.cte.run;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import nm.cte.domain.Candidate;
import nm.cte.domain.Outcome;
import nm.cte.domain.Reason;
import nm.cte.domain.Status;
import nm.cte.edfi.ProgramJson;
import nm.cte.ods.OdsAnswer;
import nm.cte.ods.OdsClient;
import nm.cte.ods.OdsCredentialsRefusedException;
import nm.cte.ods.OdsUnavailableException;
import nm.cte.ods.OdsUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a READY record to the ODS/API and takes its answer as the record's outcome (D11). */
public final class Delivery {

    static final String ASSOCIATIONS = "studentCTEProgramAssociations";
    static final String PROGRAMS = "programs";

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final Supplier<OdsClient> ods;
    private final boolean publishPrograms;

    /**
     * @param ods the client, made on first use so that a dry run needs no ODS settings
     * @param publishPrograms whether to upsert each program owner's Program once per run before its associations
     */
    public Delivery(Supplier<OdsClient> ods, boolean publishPrograms) {
        this.ods = ods;
        this.publishPrograms = publishPrograms;
    }

    /**
     * Takes a token from the ODS (and opens the client) in the background, while the run reads its source, so that
     * the first record is sent without waiting; whatever goes wrong, the first record sent meets it again and says so.
     */
    public void connectAhead(RunOptions options) {
        if (options.dryRun()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                ods.get().connect();
            } catch (Exception e) {
                LOG.debug("Connecting ahead: {}", e.getMessage());
            }
        });
    }

    public Candidate publish(Candidate candidate, Run run)
            throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        if (publishPrograms) {
            Outcome program = run.programs().publishOnce(candidate.association().program(),
                    reference -> ods.get().upsert(PROGRAMS, ProgramJson.toJson(reference).toString()).outcome());
            if (program.status() != Status.PUBLISHED) {
                return candidate.withOutcome(Outcome.of(Reason.PROGRAM_NOT_PUBLISHED,
                        "the Program could not be published: " + program.message()));
            }
        }
        OdsAnswer answer = ods.get().upsert(ASSOCIATIONS, candidate.json());
        return candidate.answered(answer.outcome(), answer.resourceId());
    }

    /** D13: deletes a record the run no longer produces; one the ODS no longer has counts as deleted. */
    public Deletion delete(Deletion deletion) throws OdsUnavailableException, OdsUnreachableException, OdsCredentialsRefusedException {
        return deletion.withOutcome(ods.get().delete(ASSOCIATIONS, deletion.record().resourceId()));
    }

    /** The ODS kept answering 5xx or 429 through every redelivery: this record is ERROR, the run goes on. */
    public Candidate unavailable(Candidate candidate, Exception failure) {
        return candidate.withOutcome(unavailable(failure));
    }

    /** The ODS kept answering 5xx or 429 through every redelivery: the deletion is tried again next run. */
    public Deletion unavailable(Deletion deletion, Exception failure) {
        return deletion.withOutcome(unavailable(failure));
    }

    private static Outcome unavailable(Exception failure) {
        return Outcome.of(Reason.ODS_UNAVAILABLE, failure.getMessage() + " (after every redelivery)");
    }
}
