package nm.cte.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One enrollment period on its way through a run: its outcome so far, once it qualifies the association built for it
 * and the record that is sent (the Ed-Fi JSON, as a tree: the HTTP endpoint's data format writes it), and once
 * published the ODS's resource id.
 */
public record Candidate(EnrollmentPeriod period, School school, Outcome outcome, CteAssociation association, JsonNode json,
                        String resourceId) {

    public static Candidate decided(EnrollmentPeriod period, School school, Outcome outcome) {
        return new Candidate(period, school, outcome, null, null, null);
    }

    public static Candidate qualified(EnrollmentPeriod period, School school, CteAssociation association) {
        return new Candidate(period, school, Outcome.ready(), association, null, null);
    }

    public Candidate withJson(JsonNode newJson) {
        return new Candidate(period, school, outcome, association, newJson, resourceId);
    }

    public Candidate withOutcome(Outcome newOutcome) {
        return new Candidate(period, school, newOutcome, association, json, resourceId);
    }

    /** What the ODS made of it: its outcome and, once stored, the ODS's resource id (the Publishing ID of D15). */
    public Candidate answered(Outcome newOutcome, String newResourceId) {
        return new Candidate(period, school, newOutcome, association, json, newResourceId);
    }

    /** Whether the period makes a record the ODS should hold: it passed every rule and the schema (D13 deletes the others). */
    public boolean qualifies() {
        return association != null && outcome.reason() != Reason.SCHEMA_INVALID;
    }

    public boolean isReady() {
        return outcome.isReady();
    }
}
