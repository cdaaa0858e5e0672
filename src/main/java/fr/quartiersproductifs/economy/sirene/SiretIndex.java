package fr.quartiersproductifs.economy.sirene;

/**
 * The SIRET index of the geolocation pass: SIRET to a small class number (the located answer,
 * interned by the pipeline), in one {@code long} per slot, the SIRET in the high 47 bits and the
 * class in the low 17. A lookup or an insert touches one cache line; the national index (39 M
 * SIRET) takes ~450 MB where a key array beside a value array took 768 MB and two cache misses per
 * access (ADR 0031). Open addressing, linear probing, any capacity (the slot is a multiply-shift of
 * the hash, not a mask), so the load factor stays near {@value #LOAD}. Not thread-safe for writes;
 * reads are safe once the writes are published.
 */
final class SiretIndex {
  static final int MISSING = -1;
  /** Classes are 1 to {@code MAX_CLASS}; 0 never appears in a slot, so 0 is an empty slot. */
  static final int MAX_CLASS = (1 << 17) - 1;
  static final long MAX_SIRET = 99_999_999_999_999L;
  private static final int CLASS_BITS = 17;
  private static final double LOAD = 0.7;
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;

  private long[] table;
  private int capacity;
  private int size;
  private int threshold;

  SiretIndex(long expected) {
    allocate((int) Math.min(MAX_CAPACITY, Math.max(64, (long) (expected / LOAD) + 1)));
  }

  private void allocate(int cap) {
    table = new long[cap];
    capacity = cap;
    threshold = (int) Math.min(cap - 1L, (long) (cap * LOAD));
  }

  private static int slot(long siret, int capacity) {
    long h = siret * 0x9E3779B97F4A7C15L;
    return (int) (((h >>> 32) * capacity) >>> 32);
  }

  /** Puts a class (1 to {@link #MAX_CLASS}); returns the previous one or {@link #MISSING}. */
  int put(long siret, int cls) {
    if (siret < 0 || siret > MAX_SIRET || cls < 1 || cls > MAX_CLASS) {
      throw new IllegalArgumentException("SIRET " + siret + ", classe " + cls);
    }
    long entry = siret << CLASS_BITS | cls;
    long[] t = table;
    int i = slot(siret, capacity);
    while (true) {
      long e = t[i];
      if (e == 0) {
        t[i] = entry;
        if (++size > threshold) {
          grow();
        }
        return MISSING;
      }
      if (e >>> CLASS_BITS == siret) {
        t[i] = entry;
        return (int) e & MAX_CLASS;
      }
      if (++i == capacity) {
        i = 0;
      }
    }
  }

  /** The class of a SIRET, or {@link #MISSING}. */
  int get(long siret) {
    long[] t = table;
    int i = slot(siret, capacity);
    while (true) {
      long e = t[i];
      if (e >>> CLASS_BITS == siret && e != 0) {
        return (int) e & MAX_CLASS;
      }
      if (e == 0) {
        return MISSING;
      }
      if (++i == capacity) {
        i = 0;
      }
    }
  }

  int size() {
    return size;
  }

  long bytes() {
    return table.length * 8L;
  }

  private void grow() {
    if (capacity == MAX_CAPACITY) {
      throw new IllegalStateException("index SIRET plein");
    }
    long[] old = table;
    allocate((int) Math.min(MAX_CAPACITY, capacity * 2L));
    for (long e : old) {
      if (e != 0) {
        int i = slot(e >>> CLASS_BITS, capacity);
        while (table[i] != 0) {
          if (++i == capacity) {
            i = 0;
          }
        }
        table[i] = e;
      }
    }
  }
}
