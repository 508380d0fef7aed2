package nm.cte.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The natural keys a run produced, kept compactly: each found once added, none that was not, through every growth. */
class ProducedKeysTest {

    /** Many more than the first table holds, so that it grows several times. */
    private static final int KEYS = 50_000;

    private static String key(int i) {
        return "2026-08-12|35001100|35001100|CTE|uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education|" + (100000000 + i);
    }

    @Test
    void everyKeyAddedIsFoundAndNoOther() {
        ProducedKeys produced = new ProducedKeys();

        IntStream.range(0, KEYS).forEach(i -> assertTrue(produced.add(key(2 * i)), "new key " + i));

        assertEquals(KEYS, produced.size());
        IntStream.range(0, KEYS).forEach(i -> {
            assertTrue(produced.contains(key(2 * i)), "added key " + i);
            assertFalse(produced.contains(key(2 * i + 1)), "key never added " + i);
        });
    }

    @Test
    void aKeyAddedTwiceCountsOnce() {
        ProducedKeys produced = new ProducedKeys();
        produced.add(key(1));

        assertFalse(produced.add(key(1)));
        assertEquals(1, produced.size());
    }
}
