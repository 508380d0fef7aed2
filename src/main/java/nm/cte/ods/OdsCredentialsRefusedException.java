package nm.cte.ods;

/** The ODS/API refused the client credentials: no record can be published, so the run ends. */
public final class OdsCredentialsRefusedException extends Exception {

    public OdsCredentialsRefusedException(String message) {
        super(message);
    }
}
