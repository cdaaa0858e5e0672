package fr.quartiersproductifs.economy.sirene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Counters count as a map of sums would, through growth, with one or two counts per key, and
 * packed counts survive the take-back of a re-read chunk (a tally with negative counts).
 */
class CountersTest {

  @Provide
  Arbitrary<List<Long>> keys() {
    return Arbitraries.oneOf(Arbitraries.longs().between(1, 300), Arbitraries.longs().between(1, Long.MAX_VALUE))
        .list().ofMaxSize(5_000);
  }

  @Property(tries = 100)
  void countsAsAMap(@ForAll("keys") List<Long> keys) {
    Counters one = new Counters(2); // grows many times
    Counters two = new Counters(2, 2);
    Map<Long, long[]> expected = new HashMap<>();
    for (long k : keys) {
      long first = k % 7;
      long second = k % 3 == 0 ? 1L << 32 : 1;
      one.add(k, first);
      two.add(k, first, second);
      long[] e = expected.computeIfAbsent(k, x -> new long[2]);
      e[0] += first;
      e[1] += second;
    }
    assertThat(one.size()).isEqualTo(expected.size());
    assertThat(two.size()).isEqualTo(expected.size());
    expected.forEach((k, e) -> {
      assertThat(one.get(k)).isEqualTo(e[0]);
      assertThat(two.get(k, 0)).isEqualTo(e[0]);
      assertThat(two.get(k, 1)).isEqualTo(e[1]);
    });
  }

  @Property(tries = 100)
  void packedCountsSurviveTakeBack(@ForAll("keys") List<Long> keys) {
    // Worker tallies count every row; a chunk read twice is counted again in an "undo" tally and
    // subtracted from a third one, which then holds negative packed counts.
    Counters worker = new Counters(4, 2);
    Counters corrections = new Counters(4, 2);
    Counters reference = new Counters(4, 2);
    for (int i = 0; i < keys.size(); i++) {
      long k = keys.get(i);
      long packed = 1 + (i % 2 == 0 ? 1L << 32 : 0);
      worker.add(k, packed, 1L << 32);
      if (i % 5 == 0) {
        Counters undo = new Counters(2, 2);
        undo.add(k, packed, 1L << 32);
        worker.add(k, packed, 1L << 32); // counted twice by the worker
        corrections.addAll(undo, -1);
      }
      reference.add(k, packed, 1L << 32);
    }
    worker.addAll(corrections, 1);
    for (long k : reference.keys()) {
      long a = worker.get(k, 0);
      long b = worker.get(k, 1);
      assertThat(a & 0xFFFF_FFFFL).isEqualTo(reference.get(k, 0) & 0xFFFF_FFFFL);
      assertThat(a >>> 32).isEqualTo(reference.get(k, 0) >>> 32);
      assertThat(b >>> 32).isEqualTo(reference.get(k, 1) >>> 32);
    }
  }
}
