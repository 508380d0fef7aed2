package nm.cte.cli;

import java.nio.file.Path;
import nm.cte.run.RunOptions;
import nm.cte.sandbox.Layout;

/** One command of spec section 7 with its arguments, as parsed from the command line. */
public record Invocation(Command command, RunOptions runOptions, Path out, Long runNumber, String studentId, Integer port,
                         Layout layout) {

    /** The commands of spec section 7. */
    public enum Command { DEMO, RUN, SERVE, EXPORT, EXPLAIN, SANDBOX }

    static Invocation of(Command command) {
        return new Invocation(command, null, null, null, null, null, null);
    }
}
