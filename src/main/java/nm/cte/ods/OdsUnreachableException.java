package nm.cte.ods;

/** The ODS/API did not answer: refused, reset or timed out connections. After redelivery this ends the run. */
public final class OdsUnreachableException extends Exception {

    public OdsUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
