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
 *       SIREN, then NIC): entries are appended to sorted pages of {@value #PAGE} entries, and {@link
 *       #freeze()} adds a directory of SIRET ranges. An insert is a write at the end of the last
 *       page; a lookup reads the directory, then a few neighbouring entries. Lookups in increasing
 *       order (the stock, in the same order) walk both forward, so they hit the caches. ~8 bytes an
 *       entry plus 4 a directory slot: ~340 MB for the national index (39 M SIRET). Pages, not one
 *       array: the index grows without copying, never holds more than a page of unused room, and
 *       the collector moves it page by page, on all its threads (one 320 MB array, copied by one
 *       thread into fresh memory, stopped a first import for about a second).</li>
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
  private static final int PAGE_BITS = 16;
  /** Entries per page of the ordered layout (512 KB). */
  static final int PAGE = 1 << PAGE_BITS;
  private static final int PAGE_MASK = PAGE - 1;

  private final long expected;
  private int size;

  /** Ordered layout: the entries in increasing SIRET order, by pages (null once hashed). */
  private long[][] pages;
  /** The last SIRET put in the ordered layout, -1 before the first. */
  private long last = -1;
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
    pages = new long[(int) Math.min(1 << 15, (this.expected + PAGE - 1) >>> PAGE_BITS)][];
  }

  /** Whether the entries are still in the ordered layout. */
  boolean ordered() {
    return pages != null;
  }

  /** Puts a class (1 to {@link #MAX_CLASS}); returns the previous one or {@link #MISSING}. */
  int put(long siret, int cls) {
    if (siret < 0 || siret > MAX_SIRET || cls < 1 || cls > MAX_CLASS) {
      throw new IllegalArgumentException("SIRET " + siret + ", classe " + cls);
    }
    long entry = siret << CLASS_BITS | cls;
    if (pages != null) {
      if (siret > last) {
        if (size == MAX_CAPACITY) {
          throw new IllegalStateException("index SIRET plein");
        }
        int p = size >>> PAGE_BITS;
        if ((size & PAGE_MASK) == 0) {
          if (p == pages.length) {
            pages = Arrays.copyOf(pages, p * 2);
          }
          pages[p] = new long[PAGE];
        }
        pages[p][size & PAGE_MASK] = entry;
        size++;
        last = siret;
        directory = null; // built again by the next freeze()
        return MISSING;
      }
      if (siret == last) {
        int previous = (int) entry(pages, size - 1) & MAX_CLASS;
        pages[(size - 1) >>> PAGE_BITS][(size - 1) & PAGE_MASK] = entry;
        return previous;
      }
      hash();
    }
    return hashPut(entry, siret);
  }

  /** The class of a SIRET, or {@link #MISSING}. */
  int get(long siret) {
    long[][] s = pages;
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
      if (entry(s, mid) >>> CLASS_BITS < siret) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo < end && entry(s, lo) >>> CLASS_BITS == siret) {
      return (int) entry(s, lo) & MAX_CLASS;
    }
    return MISSING;
  }

  /**
   * Ends the writes: in the ordered layout, builds the directory of SIRET ranges (about {@value
   * #PER_SLOT} entries a range) that lookups start from. Puts after it are allowed (the directory
   * is dropped until the next freeze).
   */
  void freeze() {
    if (pages == null || size == 0) {
      return;
    }
    first = entry(pages, 0) >>> CLASS_BITS;
    long span = last - first + 1;
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
      int range = (int) (((entry(pages, i) >>> CLASS_BITS) - first) >>> s);
      while (b <= range) {
        d[b++] = i;
      }
    }
    while (b <= ranges) {
      d[b++] = size;
    }
    directory = d;
  }

  /** Entry {@code i} of the ordered layout's pages. */
  private static long entry(long[][] pages, int i) {
    return pages[i >>> PAGE_BITS][i & PAGE_MASK];
  }

  int size() {
    return size;
  }

  long bytes() {
    if (pages == null) {
      return table.length * 8L;
    }
    long filled = (size + PAGE - 1L) >>> PAGE_BITS;
    return filled * PAGE * 8L + pages.length * 8L + (directory == null ? 0 : directory.length * 4L);
  }

  /** Moves the entries so far into the hashed layout. */
  private void hash() {
    long[][] old = pages;
    int n = size;
    pages = null;
    directory = null;
    allocate((int) Math.min(MAX_CAPACITY, Math.max(64, (long) (Math.max(expected, n) / LOAD) + 1)));
    size = 0;
    for (int p = 0; (long) p * PAGE < n; p++) {
      long[] page = old[p];
      old[p] = null; // each page can go once moved
      for (int k = 0, m = Math.min(PAGE, n - p * PAGE); k < m; k++) {
        hashPut(page[k], page[k] >>> CLASS_BITS);
      }
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
