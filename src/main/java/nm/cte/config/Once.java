package nm.cte.config;

import java.util.function.Supplier;

/** Makes a thing on first use and keeps it: the ODS client exists only for runs that send. */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> maker;
    private volatile T made;

    Once(Supplier<T> maker) {
        this.maker = maker;
    }

    @Override
    public T get() {
        T thing = made;
        if (thing == null) {
            synchronized (this) {
                if (made == null) {
                    made = maker.get();
                }
                thing = made;
            }
        }
        return thing;
    }
}
