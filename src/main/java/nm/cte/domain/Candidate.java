package nm.cte.domain;

/**
 * One enrollment period on its way through a run: its outcome so far, and once it qualifies the association built
 * for it and the JSON that is sent.
 */
public record Candidate(EnrollmentPeriod period, School school, Outcome outcome, CteAssociation association, String json) {

    public static Candidate decided(EnrollmentPeriod period, School school, Outcome outcome) {
        return new Candidate(period, school, outcome, null, null);
    }

    public static Candidate qualified(EnrollmentPeriod period, School school, CteAssociation association) {
        return new Candidate(period, school, Outcome.ready(), association, null);
    }

    public Candidate withJson(String json) {
        return new Candidate(period, school, outcome, association, json);
    }

    public Candidate withOutcome(Outcome newOutcome) {
        return new Candidate(period, school, newOutcome, association, json);
    }

    public boolean isReady() {
        return outcome.isReady();
    }
}
