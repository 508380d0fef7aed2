package nm.cte.ledger;

/** Another run holds the ledger's lease: this one does not start. Its message is the one line an operator sees. */
public final class LedgerHeldException extends Exception {

    LedgerHeldException(String message) {
        super(message);
    }
}
