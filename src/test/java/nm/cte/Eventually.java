package nm.cte;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for what a background run or thread does, for at most a minute; no timing is asserted. */
public final class Eventually {

    private Eventually() {
    }

    public static void await(BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(until), "gave up waiting");
            Thread.sleep(20);
        }
    }
}
