package fr.quartiersproductifs.bench;

import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.ReferenceGeography;
import fr.quartiersproductifs.geography.locator.NaiveLocator;
import fr.quartiersproductifs.geography.locator.QpvLocator;
import fr.quartiersproductifs.geography.locator.TestGeography;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The QPV locator against the straightforward JTS baseline (STRtree + PreparedGeometry +
 * Geometry.distance, {@link NaiveLocator}), on the national 2024 layer and a realistic point mix
 * ({@link RealisticPoints}), same points, same JVM, alternating. Throughput in points per second
 * (ops/s × {@value #POINTS}).
 *
 * <p>Run: {@code bench/locator.sh} (see BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g"})
public class LocatorBenchmark {
  static final int POINTS = 100_000;
  static final LocalDate DATE = LocalDate.of(2025, 6, 1);

  QpvLocator grid;
  NaiveLocator naive;
  List<Coordinates> points;

  @Setup
  public void setUp() throws IOException {
    ReferenceGeography g = TestGeography.load();
    grid = new QpvLocator(g);
    grid.warmUp(DATE);
    naive = new NaiveLocator(g, DATE);
    points = RealisticPoints.generate(POINTS, 42, g);
  }

  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void grid(Blackhole bh) {
    for (Coordinates c : points) {
      bh.consume(grid.locate(c, DATE));
    }
  }

  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void baselineStrTree(Blackhole bh) {
    for (Coordinates c : points) {
      bh.consume(naive.locate(c));
    }
  }
}
