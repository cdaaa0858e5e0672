package fr.quartiersproductifs.economy.sirene;

/**
 * Open-addressing counters keyed by a non-zero packed long, with one or more counts per key. A
 * key and its counts sit side by side in one array, so that counting touches one cache line: the
 * tables of a national import are several megabytes and every row lands somewhere at random in
 * them. Not thread-safe.
 *
 * <p>A count is a {@code long}; callers may pack two 32-bit counts in one as {@code a + (b << 32)}.
 * Packing is linear, so sums and differences of packed counts stay exact as long as each unpacked
 * total is in [0, 2<sup>32</sup>) once everything is summed, whatever the sign of a part on the way
 * (a tally of take-backs is negative).
 */
final class Counters {
  private final int stride; // 1 + counts per key
  private long[] table; // key at stride * i, counts after it
  private int mask; // over slots
  private int size;

  Counters() {
    this(1 << 12);
  }

  /** @param capacity slots, a power of two */
  Counters(int capacity) {
    this(capacity, 1);
  }

  /**
   * @param capacity slots, a power of two
   * @param counts counts per key
   */
  Counters(int capacity, int counts) {
    stride = 1 + counts;
    table = new long[capacity * stride];
    mask = capacity - 1;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29)) & mask;
  }

  /** Adds to the (first) count of a key. */
  void add(long key, long n) {
    int at = find(key); // first: it may grow the table
    table[at] += n;
  }

  /** Adds to the first two counts of a key. */
  void add(long key, long first, long second) {
    int at = find(key);
    table[at] += first;
    table[at + 1] += second;
  }

  /** The index of a key's first count, the key inserted (counts 0) when absent. */
  private int find(long key) {
    long[] t = table;
    int st = stride;
    int i = slot(key, mask);
    while (true) {
      long k = t[st * i];
      if (k == key) {
        return st * i + 1;
      }
      if (k == 0) {
        t[st * i] = key;
        if (++size > (mask + 1) * 0.6) {
          grow();
          return find(key);
        }
        return st * i + 1;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Adds ({@code sign} 1) or subtracts (-1) every count of another set of counters of the same
   * shape. A count taken back to 0 keeps its key: readers skip zero counts.
   */
  void addAll(Counters other, int sign) {
    if (other.stride != stride) {
      throw new IllegalArgumentException("counters of another shape");
    }
    long[] t = other.table;
    for (int i = 0; i < t.length; i += stride) {
      if (t[i] != 0) {
        int at = find(t[i]);
        long[] mine = table;
        for (int c = 1; c < stride; c++) {
          mine[at + c - 1] += sign * t[i + c];
        }
      }
    }
  }

  /** The first count of a key, 0 when absent. */
  long get(long key) {
    return get(key, 0);
  }

  /** Count {@code c} (from 0) of a key, 0 when absent. */
  long get(long key, int c) {
    int i = slot(key, mask);
    while (table[stride * i] != 0) {
      if (table[stride * i] == key) {
        return table[stride * i + 1 + c];
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  /** The keys present (counts taken back to 0 included), in table order. */
  long[] keys() {
    long[] out = new long[size];
    int n = 0;
    for (int i = 0; i < table.length; i += stride) {
      if (table[i] != 0) {
        out[n++] = table[i];
      }
    }
    return out;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    mask = (mask << 1) | 1;
    size = 0;
    for (int i = 0; i < old.length; i += stride) {
      if (old[i] != 0) {
        int at = find(old[i]);
        System.arraycopy(old, i + 1, table, at, stride - 1);
      }
    }
  }
}
