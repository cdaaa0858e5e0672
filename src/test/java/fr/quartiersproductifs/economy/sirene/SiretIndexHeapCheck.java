package fr.quartiersproductifs.economy.sirene;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark helper (not a test): fills the SIRET index with N random 14-digit SIRET, as pass 1 of
 * the import does, to show the index of a national file fits the heap given with -Xmx. Usage:
 * {@code java -Xmx1100m ... SiretIndexHeapCheck 40000000 [sizedUpFront=true]}.
 */
public final class SiretIndexHeapCheck {
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    boolean sized = args.length < 2 || Boolean.parseBoolean(args[1]);
    long t0 = System.nanoTime();
    SiretIndex map = new SiretIndex(sized ? n : 1 << 16);
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      map.put(10_000_000_000_000L + (r.nextLong() & Long.MAX_VALUE) % 90_000_000_000_000L, 1 + i % SiretIndex.MAX_CLASS);
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "entries=%d indexBytes=%d MB usedHeapAfterGc=%d MB maxHeap=%d MB time=%.1f s%n",
        map.size(), map.bytes() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20,
        (System.nanoTime() - t0) / 1e9);
  }
}
