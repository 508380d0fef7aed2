package nm.cte.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The natural keys a run produced that the ledger had (D13: the ledger's others are deleted), kept as a 128-bit digest
 * each in one array of longs: 16 bytes a key where a set of strings took about 170, so that a year of a million
 * records fits beside the rest of a run in a small heap. Two keys with one digest would keep a record that is gone
 * from being deleted, never delete one that is produced; at 128 bits no district comes near it.
 */
final class ProducedKeys {

    private static final int FIRST_CAPACITY = 1 << 12;

    /** Two longs a slot; a slot of two zeros is empty (a digest of two zeros is stored as another value). */
    private long[] slots = new long[2 * FIRST_CAPACITY];
    private int size;

    /** Adds the key; false when it was there already. */
    synchronized boolean add(String naturalKey) {
        long[] digest = digest(naturalKey);
        int slot = find(slots, digest[0], digest[1]);
        if (slots[slot] != 0 || slots[slot + 1] != 0) {
            return false;
        }
        slots[slot] = digest[0];
        slots[slot + 1] = digest[1];
        if (++size * 4 > slots.length) {
            grow();
        }
        return true;
    }

    synchronized boolean contains(String naturalKey) {
        long[] digest = digest(naturalKey);
        int slot = find(slots, digest[0], digest[1]);
        return slots[slot] != 0 || slots[slot + 1] != 0;
    }

    synchronized int size() {
        return size;
    }

    /** The slot that holds the digest, or the empty one where it belongs (open addressing, linear probing). */
    private static int find(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        int index = (int) (high ^ (high >>> 32)) & mask;
        while (true) {
            int slot = 2 * index;
            if ((table[slot] == 0 && table[slot + 1] == 0) || (table[slot] == high && table[slot + 1] == low)) {
                return slot;
            }
            index = (index + 1) & mask;
        }
    }

    /** Twice the slots once half are taken, so that a probe stays short. */
    private void grow() {
        long[] larger = new long[2 * slots.length];
        for (int slot = 0; slot < slots.length; slot += 2) {
            if (slots[slot] != 0 || slots[slot + 1] != 0) {
                int to = find(larger, slots[slot], slots[slot + 1]);
                larger[to] = slots[slot];
                larger[to + 1] = slots[slot + 1];
            }
        }
        slots = larger;
    }

    private static long[] digest(String naturalKey) {
        byte[] md5;
        try {
            md5 = MessageDigest.getInstance("MD5").digest(naturalKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (md5[i] & 0xff);
            low = (low << 8) | (md5[i + 8] & 0xff);
        }
        // two zeros mark an empty slot
        return high == 0 && low == 0 ? new long[] {0, 1} : new long[] {high, low};
    }
}
