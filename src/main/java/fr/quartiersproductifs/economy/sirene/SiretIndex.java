package fr.quartiersproductifs.economy.sirene;

import java.util.Arrays;

/**
 * The SIRET index of the geolocation pass: SIRET to a small class number (the located answer,
 * interned by the pipeline), in one {@code long} per entry, the SIRET in the high 47 bits and the
 * class in the low 17. Not thread-safe for writes; reads are safe once the writes are published.
 *
 * <p>Two layouts (ADR 0037):
 * <ul>
 *   <li><b>ordered</b>, while the SIRET arrive in increasing order, as in INSEE's files (sorted by
 *       SIREN, then NIC): entries are appended to one sorted array, and {@link #freeze()} adds a
 *       directory of SIRET ranges. An insert is a write at the end of the array; a lookup reads the
 *       directory, then a few neighbouring entries. Lookups in increasing order (the stock, in the
 *       same order) walk both arrays forward, so they hit the caches. ~8 bytes an entry plus 4 a
 *       directory slot: ~340 MB for the national index (39 M SIRET).</li>
 *   <li><b>hashed</b>, from the first SIRET smaller than the one before it: the entries so far move
 *       to an open-addressing table (linear probing, any capacity: the slot is a multiply-shift of
 *       the hash, so the load factor stays near {@value #LOAD}), where an insert or a lookup touches
 *       one cache line at a random place (ADR 0031). ~450 MB for the national index.</li>
 * </ul>
 * Both answer exactly as a map would: a repeated SIRET replaces the class of the earlier one.
 */
final class SiretIndex {
  static final int MISSING = -1;
  /** Classes are 1 to {@code MAX_CLASS}; 0 never appears in a slot, so 0 is an empty slot. */
  static final int MAX_CLASS = (1 << 17) - 1;
  static final long MAX_SIRET = 99_999_999_999_999L;
  private static final int CLASS_BITS = 17;
  private static final double LOAD = 0.7;
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 16;
  /** Entries per directory slot, on average, in the ordered layout. */
  private static final int PER_SLOT = 4;

  private final long expected;
  private int size;

  /** Ordered layout: the entries in increasing SIRET order (null once hashed). */
  private long[] sorted;
  /** Ordered layout, once frozen: directory[b] is the first entry of range b (SIRET - first >>> shift). */
  private int[] directory;
  private int shift;
  private long first;

  /** Hashed layout (null while ordered). */
  private long[] table;
  private int capacity;
  private int threshold;

  SiretIndex(long expected) {
    this.expected = Math.max(64, expected);
    sorted = new long[(int) Math.min(this.expected, 1 << 16)];
  }

  /** Whether the entries are still in the ordered layout. */
  boolean ordered() {
    return sorted != null;
  }

  /** Puts a class (1 to {@link #MAX_CLASS}); returns the previous one or {@link #MISSING}. */
  int put(long siret, int cls) {
    if (siret < 0 || siret > MAX_SIRET || cls < 1 || cls > MAX_CLASS) {
      throw new IllegalArgumentException("SIRET " + siret + ", classe " + cls);
    }
    long entry = siret << CLASS_BITS | cls;
    if (sorted != null) {
      long last = size == 0 ? -1 : sorted[size - 1] >>> CLASS_BITS;
      if (siret > last) {
        if (size == sorted.length) {
          long grown = size < expected ? expected : size + (size >>> 2);
          sorted = Arrays.copyOf(sorted, (int) Math.min(MAX_CAPACITY, grown));
        }
        sorted[size++] = entry;
        directory = null; // built again by the next freeze()
        return MISSING;
      }
      if (siret == last) {
        int previous = (int) sorted[size - 1] & MAX_CLASS;
        sorted[size - 1] = entry;
        return previous;
      }
      hash();
    }
    return hashPut(entry, siret);
  }

  /** The class of a SIRET, or {@link #MISSING}. */
  int get(long siret) {
    long[] s = sorted;
    if (s == null) {
      return hashGet(siret);
    }
    int lo;
    int hi;
    int[] d = directory;
    if (d != null) {
      long offset = siret - first;
      if (offset < 0 || offset >>> shift >= d.length - 1) {
        return MISSING;
      }
      int b = (int) (offset >>> shift);
      lo = d[b];
      hi = d[b + 1];
    } else {
      lo = 0;
      hi = size;
    }
    // The first entry not below the SIRET, in [lo, hi). Entries compare as SIRET (e >>> CLASS_BITS):
    // past 2^46 the packed entry is negative.
    int end = hi;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] >>> CLASS_BITS < siret) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo < end && s[lo] >>> CLASS_BITS == siret) {
      return (int) s[lo] & MAX_CLASS;
    }
    return MISSING;
  }

  /**
   * Ends the writes: in the ordered layout, builds the directory of SIRET ranges (about {@value
   * #PER_SLOT} entries a range) that lookups start from. Puts after it are allowed (the directory
   * is dropped until the next freeze).
   */
  void freeze() {
    if (sorted == null || size == 0) {
      return;
    }
    first = sorted[0] >>> CLASS_BITS;
    long span = (sorted[size - 1] >>> CLASS_BITS) - first + 1;
    long slots = Math.max(1, size / PER_SLOT);
    int s = 0;
    while ((span - 1) >>> s >= slots) {
      s++;
    }
    shift = s;
    int ranges = (int) (((span - 1) >>> s) + 1);
    int[] d = new int[ranges + 1];
    int b = 0;
    for (int i = 0; i < size; i++) {
      int range = (int) (((sorted[i] >>> CLASS_BITS) - first) >>> s);
      while (b <= range) {
        d[b++] = i;
      }
    }
    while (b <= ranges) {
      d[b++] = size;
    }
    directory = d;
  }

  int size() {
    return size;
  }

  long bytes() {
    return sorted != null ? sorted.length * 8L + (directory == null ? 0 : directory.length * 4L) : table.length * 8L;
  }

  /** Moves the entries so far into the hashed layout. */
  private void hash() {
    long[] old = sorted;
    int n = size;
    sorted = null;
    directory = null;
    allocate((int) Math.min(MAX_CAPACITY, Math.max(64, (long) (Math.max(expected, n) / LOAD) + 1)));
    size = 0;
    for (int i = 0; i < n; i++) {
      hashPut(old[i], old[i] >>> CLASS_BITS);
    }
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

  private int hashPut(long entry, long siret) {
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

  private int hashGet(long siret) {
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
