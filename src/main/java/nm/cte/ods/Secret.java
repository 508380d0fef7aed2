package nm.cte.ods;

/** A client secret or access token: it never prints, so no log line, trace or message can show it. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The value itself, for the one place that must put it on the wire. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
