package nm.cte.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import nm.cte.domain.Candidate;
import nm.cte.domain.Outcome;
import nm.cte.domain.ProgramReference;
import nm.cte.domain.Reason;
import nm.cte.edfi.ProgramJson;
import nm.cte.ods.AccessTokens;
import nm.cte.ods.OdsAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the deliver, delete and program routes make of the ODS/API's answers (D11, D13): each record's outcome. The
 * HTTP itself is the routes' HTTP endpoint; which answers are tried again is their error handling's.
 */
public final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final Supplier<AccessTokens> tokens;
    private final Executor background;
    private final boolean publishPrograms;

    /**
     * @param tokens          the shared token of the token URL the run found
     * @param background      where the token is taken ahead of the first record
     * @param publishPrograms whether to upsert each program owner's Program once per run before its associations
     */
    public Delivery(Supplier<AccessTokens> tokens, Executor background, boolean publishPrograms) {
        this.tokens = tokens;
        this.background = background;
        this.publishPrograms = publishPrograms;
    }

    /**
     * Takes a token from the ODS in the background, while the run reads its source, so that the first record is sent
     * without waiting; whatever goes wrong, the first record sent meets it again and says so.
     */
    public void connectAhead(Run run) {
        if (run.options().dryRun()) {
            return;
        }
        background.execute(() -> {
            try {
                tokens.get().connect();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Connecting ahead: {}", e.getMessage());
            }
        });
    }

    /** D11, when asked: the Programs of the batch's READY records that this run has not upserted yet. */
    public List<ProgramReference> programsToPublish(StudentBatch batch) {
        if (!publishPrograms || batch.run().options().dryRun()) {
            return List.of();
        }
        return batch.run().programs().claim(batch.candidates().stream().filter(Candidate::isReady)
                .map(candidate -> candidate.association().program()).toList());
    }

    /** The body the ODS stores for a record: its Ed-Fi JSON. */
    public JsonNode json(Candidate candidate) {
        return candidate.json();
    }

    /** The body the ODS stores for a Program. */
    public JsonNode programJson(ProgramReference program) {
        return ProgramJson.toJson(program);
    }

    /**
     * What the ODS's last answer to a record makes of it (D11): stored (2xx; Location names its resource id), "not
     * now" through every redelivery (ERROR), or refused (DEPENDENCY or ERROR). Without an answer the record stays as
     * it was: the ODS did not answer or refused the credentials, and the run is stopping.
     *
     * @param status the status of the ODS's last answer, or null when it gave none
     * @param body   the body of that answer
     */
    public Candidate answered(Candidate candidate, Integer status, String location, String body) {
        if (status == null) {
            return candidate;
        }
        return OdsAnswers.stored(status)
                ? candidate.answered(Outcome.published(), OdsAnswers.resourceId(location))
                : candidate.withOutcome(OdsAnswers.failed(status, body));
    }

    /** D13: what the ODS's answer to a deletion makes of it; a 404 means the record is gone already, as was wanted. */
    public Deletion deleteAnswered(Deletion deletion, Integer status, String body) {
        if (status == null) {
            return deletion.withOutcome(Outcome.of(Reason.ODS_UNAVAILABLE, "not deleted: the run stopped before the ODS/API answered"));
        }
        if (OdsAnswers.stored(status)) {
            return deletion.withOutcome(Outcome.deleted(null));
        }
        return deletion.withOutcome(status == 404 ? Outcome.deleted("the ODS no longer had it") : OdsAnswers.failed(status, body));
    }

    /** A Program the ODS did not store: its associations are sent all the same, and the ODS's 409 makes them DEPENDENCY. */
    public void programAnswered(ProgramReference program, Integer status, String body) {
        if (status != null && !OdsAnswers.stored(status)) {
            LOG.warn("The Program of {} could not be published: {}", program.educationOrganizationId(), OdsAnswers.failed(status, body).message());
        }
    }
}
