package fr.quartiersproductifs.economy.sirene;

import java.util.function.BiConsumer;

/** Open-addressing counters keyed by a non-zero packed long. Not thread-safe. */
final class Counters {
  private long[] keys = new long[1 << 14];
  private long[] counts = new long[1 << 14];
  private int size;

  void add(long key, long n) {
    int mask = keys.length - 1;
    long h = key * 0x9E3779B97F4A7C15L;
    int i = (int) (h ^ (h >>> 29)) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        counts[i] += n;
        return;
      }
      if (k == 0) {
        keys[i] = key;
        counts[i] = n;
        if (++size > keys.length * 0.6) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  void forEach(BiConsumer<Long, Long> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept(keys[i], counts[i]);
      }
    }
  }

  private void grow() {
    long[] ok = keys;
    long[] oc = counts;
    keys = new long[ok.length * 2];
    counts = new long[ok.length * 2];
    size = 0;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != 0) {
        add(ok[j], oc[j]);
      }
    }
  }
}
