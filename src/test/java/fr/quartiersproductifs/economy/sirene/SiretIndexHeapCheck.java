package fr.quartiersproductifs.economy.sirene;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark helper (not a test): fills the SIRET index with N random 14-digit SIRET, as pass 1 of
 * the import does, to show the index of a national file fits the heap given with -Xmx. Usage:
 * {@code java -Xmx1100m ... SiretIndexHeapCheck 40000000 [sizedUpFront=true] [ordered=false]}
 * (ordered: increasing SIRET, as INSEE's files come; not sized up front: a {@code .zip} input,
 * whose size tells nothing).
 */
public final class SiretIndexHeapCheck {
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    boolean sized = args.length < 2 || Boolean.parseBoolean(args[1]);
    boolean ordered = args.length > 2 && Boolean.parseBoolean(args[2]);
    long t0 = System.nanoTime();
    SiretIndex map = new SiretIndex(sized ? n : 1 << 16);
    SplittableRandom r = new SplittableRandom(1);
    long siret = 10_000_000_000_000L;
    for (int i = 0; i < n; i++) {
      siret = ordered ? siret + 1 + r.nextInt(4_000_000) : 10_000_000_000_000L + (r.nextLong() & Long.MAX_VALUE) % 90_000_000_000_000L;
      map.put(siret, 1 + i % SiretIndex.MAX_CLASS);
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long gcMillis = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    System.out.printf(Locale.ROOT, "ordered=%s gcPauses=%d ms entries=%d indexBytes=%d MB usedHeapAfterGc=%d MB maxHeap=%d MB time=%.1f s%n",
        map.ordered(), gcMillis, map.size(), map.bytes() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20,
        (System.nanoTime() - t0) / 1e9);
  }
}
