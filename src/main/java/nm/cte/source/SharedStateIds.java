package nm.cte.source;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The state ids that more than one PowerSchool student carries (D8, D10), found in one pass over the rows of
 * {@code shared-state-ids.sql} in whatever order the database gives them. An id is kept as a 64-bit hash, 16 bytes
 * a student at most, so that a large district's ids fit a small heap without the database sorting them. Two different
 * ids with one hash (about one chance in 30 million at a million students) make a student look shared; such a student
 * is only held back and judged alone at the end of the run, to the same result.
 */
public final class SharedStateIds implements Predicate<String> {

    private final Set<Long> shared;

    private SharedStateIds(Set<Long> shared) {
        this.shared = shared;
    }

    /** @param ids the rows of {@code shared-state-ids.sql}, column STATE_ID */
    public static SharedStateIds of(Iterator<Map<String, Object>> ids) {
        HashTable seen = new HashTable();
        Set<Long> shared = new HashSet<>();
        while (ids.hasNext()) {
            Object id = ids.next().get("STATE_ID");
            if (id != null) {
                long hash = hash(id.toString());
                if (!seen.add(hash)) {
                    shared.add(hash);
                }
            }
        }
        return new SharedStateIds(Set.copyOf(shared));
    }

    /** Whether another PowerSchool student may carry this state id. */
    @Override
    public boolean test(String stateId) {
        return !shared.isEmpty() && shared.contains(hash(stateId));
    }

    /** FNV-1a over the id's characters, then MurmurHash3's finalizer, so that ids that differ by a digit spread apart. */
    static long hash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }

    /** An open-addressing set of longs, without a boxed Long per entry: half a million ids take 8 MB, not 40. */
    private static final class HashTable {

        private long[] slots = new long[1 << 16];
        private boolean zeroSeen;
        private int size;

        /** False when the value was in already. */
        boolean add(long value) {
            if (value == 0) {
                // 0 marks an empty slot
                boolean added = !zeroSeen;
                zeroSeen = true;
                return added;
            }
            int mask = slots.length - 1;
            for (int i = (int) value & mask; ; i = (i + 1) & mask) {
                if (slots[i] == value) {
                    return false;
                }
                if (slots[i] == 0) {
                    slots[i] = value;
                    if (++size * 2 > slots.length) {
                        grow();
                    }
                    return true;
                }
            }
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long value : old) {
                if (value != 0) {
                    int i = (int) value & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = value;
                }
            }
        }
    }
}
