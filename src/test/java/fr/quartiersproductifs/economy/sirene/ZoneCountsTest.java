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
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Zone blocks count as a map of (zone, index) would, through growth, merges and take-backs. */
class ZoneCountsTest {
  private static final int WIDTH = 5;

  record Add(long zone, int index, int n) {}

  @Provide
  Arbitrary<List<Add>> adds() {
    // Few zones among many adds (blocks reused), many zones (the table and blocks grow), and the
    // extremes of the zone range.
    Arbitrary<Long> zone = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 50),
        Arbitraries.longs().between(0, Integer.MAX_VALUE - 1L),
        Arbitraries.of(0L, Integer.MAX_VALUE - 1L));
    Arbitrary<Add> add = Combinators.combine(zone, Arbitraries.integers().between(0, WIDTH - 1),
        Arbitraries.integers().between(-3, 1_000)).as(Add::new);
    return add.list().ofMaxSize(5_000);
  }

  @Property(tries = 100)
  void countsAsAMap(@ForAll("adds") List<Add> first, @ForAll("adds") List<Add> second,
      @ForAll @IntRange(min = 0, max = 6_000) int expected) {
    ZoneCounts a = counted(first, new ZoneCounts(WIDTH, expected)); // room up front, or not enough
    ZoneCounts b = counted(second, new ZoneCounts(WIDTH));
    assertThat(read(a)).isEqualTo(sums(first));

    // A merge adds the other's counts; a take-back (sign -1) removes them again.
    a.addAll(b, 1);
    assertThat(read(a)).isEqualTo(sums(first, second));
    a.addAll(b, -1);
    assertThat(read(a)).isEqualTo(sums(first));
  }

  @Test
  void countsTheSameWhateverTheRoomUpFront() {
    // 20,000 zones, each counted in a random order a few times: fewer zones than the room, as
    // many, and more (the blocks then grow past it).
    java.util.Random random = new java.util.Random(7);
    List<Add> adds = new java.util.ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      adds.add(new Add(random.nextInt(20_000) * 104_729L, random.nextInt(WIDTH), 1 + random.nextInt(9)));
    }
    Map<String, Integer> expected = sums(adds);
    for (int room : new int[] {0, 1_024, 5_000, 20_000, 50_000}) {
      ZoneCounts c = counted(adds, new ZoneCounts(WIDTH, room));
      assertThat(read(c)).as("room for %d zones", room).isEqualTo(expected);
      assertThat(c.size()).isEqualTo(expected.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().count());
    }
  }

  @Test
  void rejectsWhatItCannotKey() {
    ZoneCounts c = new ZoneCounts(WIDTH);
    assertThatThrownBy(() -> c.block(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.block(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.addAll(new ZoneCounts(WIDTH + 1), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(c.size()).isZero();
  }

  private static ZoneCounts counted(List<Add> adds, ZoneCounts c) {
    for (Add x : adds) {
      int at = c.block(x.zone());
      c.counts()[at + x.index()] += x.n();
    }
    return c;
  }

  private static Map<String, Integer> read(ZoneCounts c) {
    Map<String, Integer> out = new HashMap<>();
    c.forEach((zone, index, n) -> assertThat(out.put(zone + "/" + index, n)).isNull());
    return out;
  }

  /** What a map of (zone, index) holds after these adds, zeros left out as the blocks leave them. */
  @SafeVarargs
  private static Map<String, Integer> sums(List<Add>... lists) {
    Map<String, Integer> out = new HashMap<>();
    for (List<Add> adds : lists) {
      adds.forEach(x -> out.merge(x.zone() + "/" + x.index(), x.n(), Integer::sum));
    }
    out.values().removeIf(v -> v == 0);
    return out;
  }
}
