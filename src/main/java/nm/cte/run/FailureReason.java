package nm.cte.run;

import java.sql.SQLException;
import nm.cte.settings.Databases;
import nm.cte.settings.SettingException;
import nm.cte.ledger.LedgerException;
import nm.cte.ledger.LedgerHeldException;
import nm.cte.ods.OdsCredentialsRefusedException;
import nm.cte.ods.OdsUnreachableException;

/** Why a run or a command could not complete, in one line that names what failed: which setting, which database, the ODS. */
public final class FailureReason {

    private FailureReason() {
    }

    /**
     * @param sourceUrl the PowerSchool database's URL, named when a database failure is not the ledger's; null when
     *                  the command reads no PowerSchool, whose database failures are then not blamed on it
     */
    public static String oneLine(Throwable failure, String sourceUrl) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SettingException || cause instanceof OdsUnreachableException
                    || cause instanceof OdsCredentialsRefusedException || cause instanceof LedgerHeldException
                    || cause instanceof LedgerException || cause instanceof RunStoppedException) {
                return cause.getMessage();
            }
        }
        for (Throwable cause = failure; sourceUrl != null && cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                // the ledger names its own failures (LedgerException, above): any other database a run reads is PowerSchool
                return "cannot read the PowerSchool database " + Databases.shown(sourceUrl) + ": "
                        + String.valueOf(sql.getMessage()).lines().findFirst().orElse("");
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "the run could not complete: " + root;
    }
}
