package nm.cte.run;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;

/**
 * What a run reads or sends, until the run stops: batches of the source, records of a batch. A {@code hasNext} that
 * said true stays true until {@code next} hands the element over, because Camel's parallel streaming split ends at
 * once, without waiting for the exchanges in flight, when a {@code hasNext} that said true says false; the run would
 * then end while records it sent were still being answered, and the ledger would miss them.
 */
final class UntilStopped<T> implements Iterator<T>, Closeable {

    private final Iterator<T> elements;
    private final BooleanSupplier stopped;
    private boolean promised;

    UntilStopped(Iterator<T> elements, BooleanSupplier stopped) {
        this.elements = elements;
        this.stopped = stopped;
    }

    @Override
    public boolean hasNext() {
        if (!promised) {
            promised = !stopped.getAsBoolean() && elements.hasNext();
        }
        return promised;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        promised = false;
        return elements.next();
    }

    @Override
    public void close() throws IOException {
        if (elements instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
