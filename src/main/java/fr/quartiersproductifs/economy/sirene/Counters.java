package fr.quartiersproductifs.economy.sirene;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Open-addressing counters keyed by a non-zero packed long. Key and count sit side by side in one
 * array, so that counting touches one cache line: the tables of a national import are several
 * megabytes and every row lands somewhere at random in them. Not thread-safe.
 */
final class Counters {
  private long[] table; // key at 2i, count at 2i + 1
  private int mask; // over slots
  private int size;

  Counters() {
    this(1 << 12);
  }

  /** @param capacity slots, a power of two */
  Counters(int capacity) {
    table = new long[capacity * 2];
    mask = capacity - 1;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29)) & mask;
  }

  void add(long key, long n) {
    long[] t = table;
    int i = slot(key, mask);
    while (true) {
      long k = t[2 * i];
      if (k == key) {
        t[2 * i + 1] += n;
        return;
      }
      if (k == 0) {
        t[2 * i] = key;
        t[2 * i + 1] = n;
        if (++size > (mask + 1) * 0.6) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Adds ({@code sign} 1) or subtracts (-1) every count of another set of counters. A count taken
   * back to 0 keeps its key: readers skip zero counts.
   */
  void addAll(Counters other, int sign) {
    long[] t = other.table;
    for (int i = 0; i < t.length; i += 2) {
      if (t[i] != 0) {
        add(t[i], sign * t[i + 1]);
      }
    }
  }

  /** Removes every key, keeping the capacity. */
  void clear() {
    Arrays.fill(table, 0);
    size = 0;
  }

  /** The count of a key, 0 when absent. */
  long get(long key) {
    int i = slot(key, mask);
    while (table[2 * i] != 0) {
      if (table[2 * i] == key) {
        return table[2 * i + 1];
      }
      i = (i + 1) & mask;
    }
    return 0;
  }

  /** The keys present (counts taken back to 0 included), in table order. */
  long[] keys() {
    long[] out = new long[size];
    int n = 0;
    for (int i = 0; i < table.length; i += 2) {
      if (table[i] != 0) {
        out[n++] = table[i];
      }
    }
    return out;
  }

  int size() {
    return size;
  }

  /** Every non-zero count. */
  void forEach(BiConsumer<Long, Long> action) {
    for (int i = 0; i < table.length; i += 2) {
      if (table[i] != 0 && table[i + 1] != 0) {
        action.accept(table[i], table[i + 1]);
      }
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    mask = (mask << 1) | 1;
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        add(old[i], old[i + 1]);
      }
    }
  }
}
