package nm.cte.ods;

/** The ODS/API did not answer: refused, reset or timed out connections, through every redelivery. This ends the run. */
public final class OdsUnreachableException extends Exception {

    public OdsUnreachableException(String server, Throwable cause) {
        super("the ODS/API at " + server + " did not answer: " + cause, cause);
    }
}
