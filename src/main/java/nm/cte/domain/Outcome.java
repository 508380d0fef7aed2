package nm.cte.domain;

/** The status of one candidate record, with the reason and a message a data clerk can act on when it is not READY. */
public record Outcome(Status status, Reason reason, String message) {

    public static Outcome ready() {
        return new Outcome(Status.READY, null, null);
    }

    public static Outcome published() {
        return new Outcome(Status.PUBLISHED, null, null);
    }

    /** D12: the ODS already has this very record; nothing is sent. */
    public static Outcome unchanged(String message) {
        return new Outcome(Status.UNCHANGED, null, message);
    }

    public static Outcome deleted(String message) {
        return new Outcome(Status.DELETED, null, message);
    }

    public static Outcome of(Reason reason, String message) {
        return new Outcome(reason.status(), reason, message);
    }

    public boolean isReady() {
        return status == Status.READY;
    }
}
