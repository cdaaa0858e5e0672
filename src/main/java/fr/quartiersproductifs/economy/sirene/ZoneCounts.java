package fr.quartiersproductifs.economy.sirene;

import java.util.Arrays;

/**
 * Counts kept by zone, in one fixed-width block of {@code int} per zone: the counts a row adds to
 * (its flows and its quality cell) sit side by side, found through one lookup of the zone. In a
 * table keyed by (zone, detail), as {@link Counters}, each of those counts is at its own random
 * place, and a popular zone spreads over as many cache lines as it has keys; here a popular
 * zone's counts are one block, which stays in the caches. Not thread-safe.
 *
 * <p>A zone key is a non-negative long below 2<sup>31</sup> - 1. Counts may go negative on the
 * way (a tally of take-backs is negative); each sum must fit an {@code int}.
 */
final class ZoneCounts {
  private final int width;
  /** (zone + 1) << 32 | block number; 0 is an empty slot. */
  private long[] slots;
  private int mask;
  private long[] zones; // zone key by block number
  private int blocks;
  private int[] counts;

  /** @param width counts per zone */
  ZoneCounts(int width) {
    this(width, 1024);
  }

  /**
   * @param width counts per zone
   * @param expected zones expected: room for them up front, so that the counts are not copied
   *     into an array twice as large (and twice as much memory touched) as the last zones come in
   */
  ZoneCounts(int width, int expected) {
    this.width = width;
    int blocks = Math.max(1024, expected);
    zones = new long[blocks];
    slots = new long[Math.max(1 << 12, Integer.highestOneBit(blocks - 1) << 2)];
    mask = slots.length - 1;
    counts = new int[blocks * width];
  }

  private static int slot(long zone, int mask) {
    long h = zone * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29)) & mask;
  }

  /**
   * The offset of a zone's block in {@link #counts()} (the block added, all zeros, when new). The
   * counts array may be replaced by this call: read {@link #counts()} after it.
   */
  int block(long zone) {
    if (zone < 0 || zone >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("zone " + zone);
    }
    long tag = zone + 1;
    long[] t = slots;
    int i = slot(zone, mask);
    while (true) {
      long e = t[i];
      if (e >>> 32 == tag) {
        return (int) e * width;
      }
      if (e == 0) {
        int b = blocks++;
        if (b == zones.length) {
          zones = Arrays.copyOf(zones, b * 2);
          counts = Arrays.copyOf(counts, b * 2 * width);
        }
        zones[b] = zone;
        t[i] = tag << 32 | b;
        if (blocks > (mask + 1) / 2) {
          grow();
        }
        return b * width;
      }
      i = (i + 1) & mask;
    }
  }

  /** The counts, block after block (valid until the next {@link #block} of a new zone). */
  int[] counts() {
    return counts;
  }

  /** The zone of a block (0 to {@link #size()} - 1). */
  long zone(int block) {
    return zones[block];
  }

  /** Zones counted (blocks). */
  int size() {
    return blocks;
  }

  /** Adds ({@code sign} 1) or subtracts (-1) every count of another set of the same width. */
  void addAll(ZoneCounts other, int sign) {
    if (other.width != width) {
      throw new IllegalArgumentException("counts of another width");
    }
    for (int b = 0; b < other.blocks; b++) {
      int to = block(other.zones[b]);
      int from = b * width;
      for (int k = 0; k < width; k++) {
        counts[to + k] += sign * other.counts[from + k];
      }
    }
  }

  /** Receives a zone, the index of a count in its block, and the count. */
  @FunctionalInterface
  interface ZoneCount {
    void accept(long zone, int index, int count);
  }

  /** Every count that is not zero, zone by zone. */
  void forEach(ZoneCount action) {
    forEach(0, width, action);
  }

  /** Every count that is not zero among the cells {@code from} to {@code to - 1} of each block. */
  void forEach(int from, int to, ZoneCount action) {
    for (int b = 0; b < blocks; b++) {
      for (int k = from; k < to; k++) {
        int c = counts[b * width + k];
        if (c != 0) {
          action.accept(zones[b], k, c);
        }
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    mask = slots.length - 1;
    for (long e : old) {
      if (e != 0) {
        int i = slot((e >>> 32) - 1, mask);
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = e;
      }
    }
  }
}
