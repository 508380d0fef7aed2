package nm.cte.operations;

/** A run was not started because another holds the one turn there is (D16); the message says which. */
public final class RunRefusedException extends RuntimeException {

    public RunRefusedException(String message) {
        super(message);
    }
}
