package nm.cte.web;

/** A request the page cannot answer with the page asked for: the HTTP status and what to tell the person. */
public final class PageRefusal extends RuntimeException {

    private final int status;

    public PageRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
