package fr.quartiersproductifs.economy.sirene;

/**
 * Open-addressing map from a non-zero long to an int, on two primitive arrays (12 bytes a slot):
 * 40 M SIRET fit in ~770 MB where a {@code HashMap<Long,Integer>} would need ~3 GB. Not
 * thread-safe.
 */
final class LongIntMap {
  static final int MISSING = Integer.MIN_VALUE;
  private static final double LOAD = 0.75;

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;
  private int threshold;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, (long) (expected / LOAD) + 1)) - 1) << 1;
    keys = new long[cap];
    values = new int[cap];
    mask = cap - 1;
    threshold = (int) (cap * LOAD);
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29)) & mask;
  }

  /** Puts a value; returns the previous one or {@link #MISSING}. */
  int put(long key, int value) {
    if (key == 0) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == 0) {
        keys[i] = key;
        values[i] = value;
        if (++size > threshold) {
          grow();
        }
        return MISSING;
      }
      if (k == key) {
        int old = values[i];
        values[i] = value;
        return old;
      }
      i = (i + 1) & mask;
    }
  }

  int get(long key) {
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == 0) {
        return MISSING;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  long bytes() {
    return keys.length * 12L;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    int cap = oldKeys.length * 2;
    keys = new long[cap];
    values = new int[cap];
    mask = cap - 1;
    threshold = (int) (cap * LOAD);
    for (int j = 0; j < oldKeys.length; j++) {
      long k = oldKeys[j];
      if (k != 0) {
        int i = slot(k, mask);
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = oldValues[j];
      }
    }
  }
}
