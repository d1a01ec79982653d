package io.leadflow.capture.imports;

/**
 * A set of 64-bit hashes in one array (open addressing): an import remembers which people and which
 * rows it has stored in 16 bytes a row at worst, where a {@code HashSet<String>} of the e-mails would
 * take ten times as much. Two different values share a 64-bit hash with a chance of about 1 in 10^9
 * for a million rows; that only ever moves a row from one count of the report to another.
 */
final class LongHashSet {

    private static final long EMPTY = 0L;
    private long[] slots = new long[1024];
    private int size;
    private boolean hasZero;

    /** Adds the value; answers whether it was not there yet. */
    boolean add(long value) {
        if (value == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        return insert(value);
    }

    boolean contains(long value) {
        if (value == EMPTY) {
            return hasZero;
        }
        int mask = slots.length - 1;
        for (int i = spread(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == EMPTY) {
                return false;
            }
            if (slots[i] == value) {
                return true;
            }
        }
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private boolean insert(long value) {
        int mask = slots.length - 1;
        for (int i = spread(value) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == EMPTY) {
                slots[i] = value;
                size++;
                return true;
            }
            if (slots[i] == value) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long value : old) {
            if (value != EMPTY) {
                insert(value);
            }
        }
    }

    private static int spread(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
