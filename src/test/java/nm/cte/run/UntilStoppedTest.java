package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class UntilStoppedTest {

    @Test
    void nothingIsHandedOverOnceTheRunStopped() {
        UntilStopped<String> records = new UntilStopped<>(List.of("a", "b").iterator(), () -> true);

        assertFalse(records.hasNext());
    }

    @Test
    void aRecordPromisedBeforeTheRunStoppedIsStillHandedOver() {
        AtomicBoolean stopped = new AtomicBoolean();
        UntilStopped<String> records = new UntilStopped<>(List.of("a", "b").iterator(), stopped::get);

        assertTrue(records.hasNext());
        stopped.set(true);

        assertTrue(records.hasNext(), "a hasNext that said true takes it back: Camel's split would end with records in flight");
        assertEquals("a", records.next());
        assertFalse(records.hasNext());
    }
}
