package nm.cte.run;

/** Why a run was stopped from outside before its end: the process is stopping, or the run lost the ledger's lease. */
public final class RunStoppedException extends RuntimeException {

    RunStoppedException(String why) {
        super(why, null, false, false);
    }
}
