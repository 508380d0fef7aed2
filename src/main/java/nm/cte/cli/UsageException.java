package nm.cte.cli;

/** The command line is not one the publisher understands (exit code 2). */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
