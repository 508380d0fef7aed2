package nm.cte.ledger;

import java.sql.SQLException;

/** The ledger's database failed: the message names it by its URL (never a password), whatever the driver said. */
public final class LedgerException extends SQLException {

    public LedgerException(String url, Throwable cause) {
        super("cannot use the ledger database " + url + ": " + firstLine(cause),
                cause instanceof SQLException sql ? sql.getSQLState() : null,
                cause instanceof SQLException sql ? sql.getErrorCode() : 0, cause);
    }

    private static String firstLine(Throwable cause) {
        Throwable shown = cause;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.toString() : shown.getMessage().lines().findFirst().orElse("");
    }
}
