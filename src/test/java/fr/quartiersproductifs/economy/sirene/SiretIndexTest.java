package fr.quartiersproductifs.economy.sirene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The packed SIRET index answers as a map would, through growth, duplicates and edge SIRET. */
class SiretIndexTest {

  record Put(long siret, int cls) {}

  @Provide
  Arbitrary<List<Put>> puts() {
    // Few distinct SIRET among many puts, so that duplicates and long probe runs happen; the
    // extremes (0, the largest SIRET) are drawn often.
    Arbitrary<Long> siret = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 2_000),
        Arbitraries.longs().between(0, SiretIndex.MAX_SIRET),
        Arbitraries.of(0L, SiretIndex.MAX_SIRET, SiretIndex.MAX_SIRET - 1));
    Arbitrary<Integer> cls = Arbitraries.oneOf(Arbitraries.integers().between(1, SiretIndex.MAX_CLASS),
        Arbitraries.of(1, SiretIndex.MAX_CLASS));
    return Combinators.combine(siret, cls).as(Put::new).list().ofMaxSize(3_000);
  }

  @Property(tries = 200)
  void answersAsAMap(@ForAll("puts") List<Put> puts) {
    SiretIndex index = new SiretIndex(1); // grows many times
    Map<Long, Integer> expected = new HashMap<>();
    for (Put p : puts) {
      Integer previous = expected.put(p.siret(), p.cls());
      assertThat(index.put(p.siret(), p.cls())).isEqualTo(previous == null ? SiretIndex.MISSING : previous);
    }
    assertThat(index.size()).isEqualTo(expected.size());
    for (Put p : puts) {
      assertThat(index.get(p.siret())).isEqualTo(expected.get(p.siret()));
    }
    // Absent SIRET, including 0 in an index without it (an empty slot reads as SIRET 0).
    for (long s : new long[] {0, 1, 77_777, SiretIndex.MAX_SIRET}) {
      if (!expected.containsKey(s)) {
        assertThat(index.get(s)).isEqualTo(SiretIndex.MISSING);
      }
    }
  }

  /**
   * Puts in increasing SIRET order (as INSEE's files come), repeats included, keep the ordered
   * layout; a lookup answers as a map would before and after the directory is built, for present
   * SIRET, absent ones between them and outside their range. A put out of order then moves
   * everything to the hashed layout, which still answers as the map.
   */
  @Property(tries = 200)
  void orderedPutsStayOrderedAndAnswerAsAMap(@ForAll("puts") List<Put> puts, @ForAll boolean thenOutOfOrder) {
    List<Put> ascending = new java.util.ArrayList<>(puts);
    ascending.sort(java.util.Comparator.comparingLong(Put::siret)); // stable: repeats keep their order
    SiretIndex index = new SiretIndex(1); // grows many times
    Map<Long, Integer> expected = new HashMap<>();
    for (Put p : ascending) {
      Integer previous = expected.put(p.siret(), p.cls());
      assertThat(index.put(p.siret(), p.cls())).isEqualTo(previous == null ? SiretIndex.MISSING : previous);
    }
    assertThat(index.ordered()).isTrue();
    assertThat(index.size()).isEqualTo(expected.size());
    assertAnswersAs(index, expected, ascending); // before the directory: binary search
    index.freeze();
    assertAnswersAs(index, expected, ascending);
    if (thenOutOfOrder && !ascending.isEmpty() && ascending.get(0).siret() > 0) {
      long smaller = ascending.get(0).siret() - 1;
      expected.put(smaller, 7);
      assertThat(index.put(smaller, 7)).isEqualTo(SiretIndex.MISSING);
      assertThat(index.ordered()).isFalse();
      index.freeze(); // no-op once hashed
      assertAnswersAs(index, expected, ascending);
    }
  }

  private static void assertAnswersAs(SiretIndex index, Map<Long, Integer> expected, List<Put> puts) {
    for (Put p : puts) {
      assertThat(index.get(p.siret())).isEqualTo(expected.get(p.siret()));
      for (long near : new long[] {p.siret() - 1, p.siret() + 1}) {
        if (near >= 0 && near <= SiretIndex.MAX_SIRET) {
          assertThat(index.get(near)).isEqualTo(expected.getOrDefault(near, SiretIndex.MISSING));
        }
      }
    }
    for (long s : new long[] {0, 1, 77_777, SiretIndex.MAX_SIRET - 1, SiretIndex.MAX_SIRET}) {
      assertThat(index.get(s)).isEqualTo(expected.getOrDefault(s, SiretIndex.MISSING));
    }
  }

  /**
   * Ordered puts across several pages (the last one partial), a repeat on a page's last entry,
   * then a move to the hashed layout: every SIRET answers its class throughout, neighbours none.
   */
  @Test
  void orderedLayoutSpansPagesAndMovesToHashedIntact() {
    int n = 3 * SiretIndex.PAGE + 1_234;
    SiretIndex index = new SiretIndex(10); // grows its table of pages
    java.util.SplittableRandom random = new java.util.SplittableRandom(4);
    long[] sirets = new long[n];
    long siret = 35_600_000_000_000L;
    for (int i = 0; i < n; i++) {
      siret += 2 + random.nextInt(1_000_000);
      sirets[i] = siret;
      assertThat(index.put(siret, 1 + i % SiretIndex.MAX_CLASS)).isEqualTo(SiretIndex.MISSING);
    }
    int lastOfPage = SiretIndex.PAGE - 1; // a repeat may only be the latest SIRET: rewrite it there
    SiretIndex repeat = new SiretIndex(10);
    for (int i = 0; i <= lastOfPage; i++) {
      repeat.put(sirets[i], 3);
    }
    assertThat(repeat.put(sirets[lastOfPage], 9)).isEqualTo(3);
    assertThat(repeat.get(sirets[lastOfPage])).isEqualTo(9);
    assertThat(repeat.get(sirets[lastOfPage - 1])).isEqualTo(3);

    assertThat(index.ordered()).isTrue();
    assertThat(index.size()).isEqualTo(n);
    assertThat(index.bytes()).isGreaterThanOrEqualTo(4L * SiretIndex.PAGE * 8);
    index.freeze();
    assertAllAnswer(index, sirets);
    assertThat(index.put(sirets[0] - 1, 5)).isEqualTo(SiretIndex.MISSING); // out of order
    assertThat(index.ordered()).isFalse();
    assertThat(index.size()).isEqualTo(n + 1);
    assertThat(index.get(sirets[0] - 1)).isEqualTo(5);
    assertAllAnswer(index, sirets);
  }

  private static void assertAllAnswer(SiretIndex index, long[] sirets) {
    for (int i = 0; i < sirets.length; i++) {
      assertThat(index.get(sirets[i])).as("SIRET n° %d", i).isEqualTo(1 + i % SiretIndex.MAX_CLASS);
      assertThat(index.get(sirets[i] + 1)).isEqualTo(SiretIndex.MISSING);
    }
  }

  @Test
  void rejectsWhatItCannotPack() {
    SiretIndex index = new SiretIndex(10);
    assertThatThrownBy(() -> index.put(SiretIndex.MAX_SIRET + 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.put(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.put(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.put(1, SiretIndex.MAX_CLASS + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(index.size()).isZero();
  }
}
