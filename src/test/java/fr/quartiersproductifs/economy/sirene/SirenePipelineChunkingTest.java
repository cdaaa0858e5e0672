package fr.quartiersproductifs.economy.sirene;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.economy.Aggregates;
import fr.quartiersproductifs.economy.EstablishmentRow;
import fr.quartiersproductifs.economy.PointLocator;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.support.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The import gives the same aggregates, disagreements, kept establishments (in the same order) and
 * reports, with the same line numbers, whether the files are read in one piece on one thread or
 * in tiny chunks on two, on the real SIRENE samples. Some stock rows get an address complement
 * with a quoted line break, so that records straddle the cuts and the chunks after them are
 * thrown away, their counts taken back, and read again.
 */
class SirenePipelineChunkingTest {
  static final Path STOCK = SharedData.file("samples/sirene/StockEtablissement_echantillon.csv");
  static final Path GEO = SharedData.file("samples/sirene/GeolocalisationEtablissement_echantillon.csv");
  static final LocalDate DATE = LocalDate.of(2025, 11, 1);

  /** Not a real locator: a fixed answer derived from the coordinates, enough to tell rows apart. */
  static final PointLocator FAKE = (x, y, epsg, date) -> switch ((int) Math.floorMod((long) x, 5L)) {
    case 0 -> new PointLocator.Located(QpvStatus.DANS_QPV, "QN01301M");
    case 1 -> new PointLocator.Located(QpvStatus.DANS_QPV, "QN03402M");
    case 2 -> new PointLocator.Located(QpvStatus.INDETERMINE, null);
    default -> new PointLocator.Located(QpvStatus.HORS_QPV, null);
  };

  record Run(SirenePipeline.Result result, List<EstablishmentRow> kept) {}

  static Run run(byte[] stock, byte[] geo, int workers, int chunkBytes) throws IOException {
    return run(stock, geo, workers, chunkBytes, SiretIndex.MAX_CLASS);
  }

  static Run run(byte[] stock, byte[] geo, int workers, int chunkBytes, int geoClasses) throws IOException {
    return run(stock, geo, workers, chunkBytes, geoClasses, Integer.MAX_VALUE);
  }

  static Run run(byte[] stock, byte[] geo, int workers, int chunkBytes, int geoClasses, int activityPairs)
      throws IOException {
    List<EstablishmentRow> kept = new ArrayList<>();
    SirenePipeline pipeline = new SirenePipeline(FAKE, c -> c.startsWith("132") || c.startsWith("34"),
        new SirenePipeline.Options(DATE, 10, 50, workers, chunkBytes));
    pipeline.limitGeoClasses(geoClasses);
    pipeline.limitActivityPairs(activityPairs);
    SirenePipeline.Result r = pipeline.run(new ByteArrayInputStream(stock), new ByteArrayInputStream(geo), 0, kept::add);
    return new Run(r, kept);
  }

  /** The real stock, with a quoted line break in the address complement of every 7th row. */
  static byte[] stockWithQuotedLineBreaks() throws IOException {
    return stockWithQuotedLineBreaks(false);
  }

  /**
   * As above; with {@code employersAndCraft}, every 5th row also an employer and every 4th a
   * craft-register code (the sample leaves both columns empty).
   */
  static byte[] stockWithQuotedLineBreaks(boolean employersAndCraft) throws IOException {
    List<String> lines = Files.readAllLines(STOCK, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(","));
    int complement = header.indexOf("complementAdresseEtablissement");
    int employer = header.indexOf("caractereEmployeurEtablissement");
    int register = header.indexOf("activitePrincipaleRegistreMetiersEtablissement");
    StringBuilder sb = new StringBuilder();
    int changed = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i > 0 && !line.contains("\"")) { // rows with quotes kept as they are
        String[] f = line.split(",", -1);
        if (employersAndCraft && i % 5 == 0) {
          f[employer] = "O";
        }
        if (employersAndCraft && i % 4 == 0) {
          f[register] = "1071CZ";
        }
        if (i % 7 == 0) {
          f[complement] = "\"BAT A\nESC \"\"2\"\"\"";
          changed++;
        }
        line = String.join(",", f);
      }
      sb.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
    }
    assertThat(changed).isGreaterThan(3000);
    sb.append("123,456,12345,O,2020-01-01\n"); // a malformed row, reported with its line
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void chunkedParallelReadEqualsOnePieceSequentialRead() throws IOException {
    byte[] stock = stockWithQuotedLineBreaks();
    byte[] geo = Files.readAllBytes(GEO);
    Run reference = run(stock, geo, 1, 16 << 20); // larger than the files: one chunk each
    assertThat(reference.result().establishments()).isEqualTo(22_604);
    assertThat(reference.result().stockReport().rejected()).isEqualTo(1);
    assertThat(reference.kept()).isNotEmpty();
    for (int chunk : new int[] {977, 4096}) {
      Run chunked = run(stock, geo, 2, chunk);
      SirenePipeline.Result a = reference.result();
      SirenePipeline.Result b = chunked.result();
      assertThat(set(b.activity())).as("chunk %d", chunk).isEqualTo(set(a.activity()));
      assertThat(set(b.quality())).isEqualTo(set(a.quality()));
      assertThat(yearly(b.flows())).isEqualTo(yearly(a.flows()));
      assertThat(b.disagreements()).isEqualTo(a.disagreements());
      assertThat(b.disagreementCount()).isEqualTo(a.disagreementCount());
      assertThat(b.activeEstablishments()).isEqualTo(a.activeEstablishments());
      assertThat(b.stockReport().issues()).isEqualTo(a.stockReport().issues());
      assertThat(b.stockReport().rowsRead()).isEqualTo(a.stockReport().rowsRead());
      assertThat(b.geoReport().issues()).isEqualTo(a.geoReport().issues());
      assertThat(counts(b.geoReport())).as("geo report, chunk %d", chunk).isEqualTo(counts(a.geoReport()));
      assertThat(b.geoEntries()).isEqualTo(a.geoEntries());
      assertThat(chunked.kept()).isEqualTo(reference.kept());
    }
  }

  @Test
  void geoValuesPastTheClassTableGiveTheSameAnswers() throws IOException {
    // The SIRET index stores a class number in 17 bits; past the class table's end, values go to
    // a side map. With a table of two classes, nearly every row takes that path.
    byte[] stock = Files.readAllBytes(STOCK);
    byte[] geo = Files.readAllBytes(GEO);
    Run reference = run(stock, geo, 2, 4096);
    Run overflowing = run(stock, geo, 2, 4096, 3);
    SirenePipeline.Result a = reference.result();
    SirenePipeline.Result b = overflowing.result();
    assertThat(a.activity()).isNotEmpty();
    assertThat(set(b.activity())).isEqualTo(set(a.activity()));
    assertThat(set(b.quality())).isEqualTo(set(a.quality()));
    assertThat(yearly(b.flows())).isEqualTo(yearly(a.flows()));
    assertThat(b.disagreements()).isEqualTo(a.disagreements());
    assertThat(b.geoEntries()).isEqualTo(a.geoEntries());
    assertThat(overflowing.kept()).isEqualTo(reference.kept());
  }

  /**
   * Activity is counted in the zones' blocks for the first pairs (section, category) met, in the
   * activity table past them (ADR 0039): with no slot, or three, the aggregates are those of a
   * run where every pair has its slot, on one thread and on two with small chunks (re-reads
   * included).
   */
  @Test
  void activityPastThePairSlotsGivesTheSameAnswers() throws IOException {
    byte[] stock = stockWithQuotedLineBreaks(true);
    byte[] geo = Files.readAllBytes(GEO);
    SirenePipeline.Result reference = run(stock, geo, 1, 16 << 20).result();
    assertThat(reference.activity().stream().map(a -> a.section() + "/" + a.category()).distinct().count())
        .isGreaterThan(10);
    // Every count of the four is exercised, each differently.
    assertThat(reference.activity().stream().mapToLong(a -> a.employer()).sum()).isPositive();
    assertThat(reference.activity().stream().mapToLong(a -> a.craftRm()).sum()).isPositive();
    assertThat(reference.activity().stream().mapToLong(a -> a.craftNaf()).sum()).isPositive();
    for (int slots : new int[] {0, 3}) {
      for (int chunk : new int[] {977, 16 << 20}) {
        SirenePipeline.Result r = run(stock, geo, chunk < 4096 ? 2 : 1, chunk, SiretIndex.MAX_CLASS, slots).result();
        assertThat(set(r.activity())).as("%d slots, chunk %d", slots, chunk).isEqualTo(set(reference.activity()));
        if (chunk > stock.length) {
          // One thread interns the codes in the same order: the same rows in the same order (by
          // key), whichever way they were counted.
          assertThat(r.activity()).isEqualTo(reference.activity());
        }
        assertThat(set(r.quality())).isEqualTo(set(reference.quality()));
        assertThat(yearly(r.flows())).isEqualTo(yearly(reference.flows()));
        assertThat(r.activeEstablishments()).isEqualTo(reference.activeEstablishments());
      }
    }
  }

  /**
   * The real samples sorted by SIRET, as INSEE publishes its files (the SIRET index keeps its
   * ordered layout), give the same aggregates and disagreements as the samples as they are (out of
   * order at their 3rd row: the index moves to its hash table), on one thread and on two with
   * small chunks; the kept establishments are the same, in their files' order.
   */
  @Test
  void filesInSiretOrderGiveTheSameAnswersAsFilesOutOfOrder() throws IOException {
    byte[] stock = Files.readAllBytes(STOCK);
    byte[] geo = Files.readAllBytes(GEO);
    byte[] sortedStock = sortedBySiret(STOCK, ',', 2);
    byte[] sortedGeo = sortedBySiret(GEO, ';', 0);
    Run reference = run(stock, geo, 1, 16 << 20);
    assertThat(reference.result().geoEntries()).isEqualTo(22_330);
    for (int chunk : new int[] {16 << 20, 4096}) {
      Run sorted = run(sortedStock, sortedGeo, chunk == 4096 ? 2 : 1, chunk);
      SirenePipeline.Result a = reference.result();
      SirenePipeline.Result b = sorted.result();
      assertThat(set(b.activity())).as("chunk %d", chunk).isEqualTo(set(a.activity()));
      assertThat(set(b.quality())).isEqualTo(set(a.quality()));
      assertThat(yearly(b.flows())).isEqualTo(yearly(a.flows()));
      assertThat(set(b.disagreements())).isEqualTo(set(a.disagreements()));
      assertThat(b.activeEstablishments()).isEqualTo(a.activeEstablishments());
      assertThat(b.geoEntries()).isEqualTo(a.geoEntries());
      assertThat(set(sorted.kept())).isEqualTo(set(reference.kept()));
      assertThat(sorted.kept()).extracting(EstablishmentRow::siret).isSorted();
      // The sorted run used the ordered layout: it takes less memory than the hash table.
      assertThat(b.geoIndexBytes()).isLessThan(a.geoIndexBytes());
    }
  }

  /** A sample file with its rows sorted by the SIRET in column {@code column}, header first. */
  private static byte[] sortedBySiret(Path file, char delimiter, int column) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    String header = lines.remove(0);
    String split = java.util.regex.Pattern.quote(String.valueOf(delimiter));
    lines.sort(java.util.Comparator.comparing(l -> l.split(split, -1)[column]));
    return (header + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static final String STOCK_HEADER = "siret,statutDiffusionEtablissement,dateCreationEtablissement,"
      + "trancheEffectifsEtablissement,codeCommuneEtablissement,dateDebut,etatAdministratifEtablissement,"
      + "activitePrincipaleEtablissement\n";
  static final String GEO_HEADER = "siret;x;y;qualite_xy;epsg;plg_qp24\n";

  static SirenePipeline.Result run(String stock, String geo, int chunkBytes) throws IOException {
    return run(stock.getBytes(StandardCharsets.UTF_8), geo.getBytes(StandardCharsets.UTF_8), 1, chunkBytes).result();
  }

  /** Rejected rows and duplicate SIRET warnings come in line order, whatever the cuts. */
  @Test
  void geolocationIssuesComeInLineOrderWhateverTheChunks() throws IOException {
    String geo = GEO_HEADER
        + "39009842400034;892251.5;6247972.5;11;2154;\n"
        + "39009842400034;892251.5;6247972.5;11;2154;\n" // line 3: the same SIRET again
        + "39009842400042;892251.5;6247972.5;11;2154;\n"
        + "39009842400059;892251.5;6247972.5;11;2154;\n"
        + "pas une ligne\n"; // line 6: rejected
    for (int chunk : new int[] {1 << 20, 16, 60}) {
      List<fr.quartiersproductifs.dataset.ImportIssue> issues = run(STOCK_HEADER, geo, chunk).geoReport().issues();
      assertThat(issues).as("chunk %d", chunk).extracting(i -> i.lineNumber()).containsExactly(3L, 6L);
    }
  }

  /**
   * A kept establishment repeated next to itself (a SIRET twice in INSEE's order) is listed once,
   * with a warning at the repeated line, in line order with the other issues, whatever the cuts;
   * both rows are counted as read.
   */
  @Test
  void aRepeatedKeptEstablishmentIsListedOnceWithAWarningAtItsLine() throws IOException {
    String geo = GEO_HEADER + "39009842400034;892253.5;6247972.5;11;2154;\n";
    String row = "39009842400034,O,2018-03-01,NN,13201,2018-03-01,A,56.30Z\n";
    String stock = STOCK_HEADER
        + row
        + row // line 3: the same establishment again
        + "39009842400042,O,2018-03-01,NN,13201,2018-03-01,A,47.11B\n"
        + "pas une ligne\n"; // line 5: rejected
    for (int chunk : new int[] {1 << 20, 16, 70}) {
      Run r = run(stock.getBytes(StandardCharsets.UTF_8), geo.getBytes(StandardCharsets.UTF_8), 2, chunk);
      assertThat(r.kept()).as("chunk %d", chunk).extracting(EstablishmentRow::siret)
          .containsExactly("39009842400034", "39009842400042");
      assertThat(r.result().kept()).isEqualTo(2);
      assertThat(r.result().establishments()).isEqualTo(3);
      assertThat(r.result().stockReport().issues()).extracting(i -> i.lineNumber()).containsExactly(3L, 5L);
      assertThat(r.result().stockReport().issues().get(0).reason()).startsWith("SIRET en double dans le stock");
      assertThat(r.result().stockReport().issues().get(0).identifier()).isEqualTo("39009842400034");
    }
  }

  /** Spaces in plg_qp24 are no INSEE answer, so no disagreement with ours. */
  @Test
  void blankInseeAnswerIsNotADisagreement() throws IOException {
    String geo = GEO_HEADER + "39009842400034;892251.5;6247972.5;11;2154;  \n";
    String stock = STOCK_HEADER + "39009842400034,O,2020-01-01,NN,13201,2020-01-01,A,56.30Z\n";
    SirenePipeline.Result r = run(stock, geo, 1 << 20);
    assertThat(r.establishments()).isEqualTo(1);
    assertThat(r.disagreementCount()).isZero();
  }

  /**
   * Creations by creation year (whatever the state now), closures by the start of the closed
   * period, within the window (the stock's year and the ten before); one row per zone and kind
   * with its years in increasing order (ADR 0045).
   */
  @Test
  void creationsAndClosuresAreCountedByYearInOneRowPerZoneAndKind() throws IOException {
    String geo = GEO_HEADER
        + "39009842400034;892250.5;6247972.5;11;2154;\n" // the fake locator: in QN01301M
        + "39009842400042;892250.5;6247972.5;11;2154;\n"
        + "39009842400059;892253.5;6247972.5;11;2154;\n"; // outside
    String stock = STOCK_HEADER
        + "39009842400034,O,2018-03-01,NN,13201,2018-03-01,A,56.30Z\n"
        + "39009842400042,O,2016-05-01,NN,13201,2022-07-01,F,56.30Z\n" // created 2016, closed 2022
        + "39009842400059,O,2018-01-01,NN,13201,2024-01-01,F,56.30Z\n"
        + "39009842400067,O,2010-01-01,NN,13201,2010-01-01,A,56.30Z\n"; // before the window
    for (int chunk : new int[] {1 << 20, 64}) {
      List<Aggregates.ZoneFlows> flows = run(stock, geo, chunk).flows();
      assertThat(flows).as("chunk %d", chunk).hasSize(4);
      assertThat(flows).filteredOn(f -> f.status() == QpvStatus.DANS_QPV && f.kind() == 'C').singleElement()
          .satisfies(f -> {
            assertThat(f.qpvCode()).isEqualTo("QN01301M");
            assertThat(f.years()).containsExactly(2016, 2018);
            assertThat(f.counts()).containsExactly(1, 1);
          });
      assertThat(yearly(flows)).containsExactlyInAnyOrder(
          new Aggregates.Flow("13201", QpvStatus.DANS_QPV, "QN01301M", 'C', 2016, 1),
          new Aggregates.Flow("13201", QpvStatus.DANS_QPV, "QN01301M", 'C', 2018, 1),
          new Aggregates.Flow("13201", QpvStatus.DANS_QPV, "QN01301M", 'F', 2022, 1),
          new Aggregates.Flow("13201", QpvStatus.HORS_QPV, null, 'C', 2018, 1),
          new Aggregates.Flow("13201", QpvStatus.HORS_QPV, null, 'F', 2024, 1));
    }
  }

  /**
   * The flows year by year; each zone and kind has one row (ADR 0045), and the sample has flows,
   * so an empty answer cannot pass for an equal one.
   */
  private static Set<Aggregates.Flow> yearly(List<Aggregates.ZoneFlows> rows) {
    assertThat(rows).isNotEmpty();
    assertThat(rows.stream().map(f -> List.of(f.communeCode(), f.status(), String.valueOf(f.qpvCode()), f.kind())).distinct())
        .as("one row per zone and kind").hasSameSizeAs(rows);
    return set(rows.stream().flatMap(f -> f.yearly().stream()).toList());
  }

  private static <T> Set<T> set(List<T> list) {
    Set<T> s = new HashSet<>(list);
    assertThat(s).hasSameSizeAs(list);
    return s;
  }

  /** A report's counts (rows read, imported, rejected, repaired, warnings). */
  private static List<Integer> counts(fr.quartiersproductifs.dataset.ImportReport r) {
    return List.of(r.rowsRead(), r.rowsImported(), r.rejected(), r.repaired(), r.warnings());
  }
}
