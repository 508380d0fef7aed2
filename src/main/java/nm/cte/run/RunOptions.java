package nm.cte.run;

/** What the operator asked of one run (spec section 7). */
public record RunOptions(Mode mode, Integer school, String student, boolean dryRun, boolean confirmDeletes) {

    /** D12's modes, as PowerSchool's Run Now offers them. */
    public enum Mode { CHANGES, ALL, MISSING }

    public static RunOptions dryRunOfAll() {
        return new RunOptions(Mode.CHANGES, null, null, true, false);
    }
}
