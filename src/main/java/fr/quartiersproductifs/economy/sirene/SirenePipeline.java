package fr.quartiersproductifs.economy.sirene;

import fr.quartiersproductifs.dataset.ImportIssue;
import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.economy.Aggregates;
import fr.quartiersproductifs.economy.EstablishmentRow;
import fr.quartiersproductifs.economy.GeoQuality;
import fr.quartiersproductifs.economy.InseeCheck;
import fr.quartiersproductifs.economy.PointLocator;
import fr.quartiersproductifs.economy.SectorTypology;
import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.shared.QpException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The SIRENE import without a database: reads the geolocation file into a compact SIRET index
 * (each point located once, INSEE's plg_qp24 kept beside), then the stock, joining each
 * establishment to its index entry, classifying it (ADR 0030) and counting it into national
 * aggregates; establishments of the kept communes go to a sink. Memory: ~12 bytes per SIRET of the
 * geolocation file plus the aggregates, whatever the size of the stock (ADR 0031).
 *
 * <p>Both files are read as chunks parsed in parallel and merged in file order ({@link
 * ChunkedInput}, ADR 0033): workers parse, locate, join, classify and count into per-chunk
 * results; the calling thread reads the file and merges, so line numbers, the "last duplicate
 * wins" rule, the list of disagreements and the order of the sink are those of a sequential
 * read. Codes (communes, QPV, INSEE values) are interned under a lock, behind per-chunk caches.
 * One pipeline per import.
 */
public final class SirenePipeline {

  /**
   * Options: stock date (QPV list applied, flow window), years of flows kept, disagreements kept,
   * worker threads, chunk size.
   */
  public record Options(LocalDate stockDate, int flowYears, int maxDisagreements, int workers, int chunkBytes) {
    public Options(LocalDate stockDate, int flowYears, int maxDisagreements) {
      this(stockDate, flowYears, maxDisagreements, Runtime.getRuntime().availableProcessors());
    }

    public Options(LocalDate stockDate, int flowYears, int maxDisagreements, int workers) {
      this(stockDate, flowYears, maxDisagreements, workers, ChunkedInput.DEFAULT_CHUNK_BYTES);
    }

    public Options {
      if (stockDate == null) {
        throw new IllegalArgumentException("stockDate");
      }
      if (chunkBytes < 16) {
        throw new IllegalArgumentException("chunkBytes");
      }
    }
  }

  /** What a run produced. */
  public record Result(
      ImportReport stockReport,
      ImportReport geoReport,
      List<Aggregates.Activity> activity,
      List<Aggregates.Quality> quality,
      List<Aggregates.ZoneFlows> flows,
      List<Aggregates.Disagreement> disagreements,
      long disagreementCount,
      long establishments,
      long activeEstablishments,
      long kept,
      long geoEntries,
      long duplicateGeoRows,
      long geoIndexBytes,
      Timings timings) {}

  /** Wall-clock time of each phase, in nanoseconds: for the import log and the benchmark. */
  public record Timings(long geoPass, long stockPass, long aggregateRows) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "géolocalisation %.2f s, stock %.2f s, agrégats %.2f s",
          geoPass / 1e9, stockPass / 1e9, aggregateRows / 1e9);
    }
  }

  // Packed geo value: bits 0-1 status, 2-13 our QPV (code index), 14-25 INSEE value (code index),
  // 26-28 quality. QPV codes and INSEE values share one index space, so agreement is equality.
  private static final int DANS = 1;
  private static final int HORS = 2;
  private static final int INDET = 3;
  private static final QpvStatus[] STATUS = {
    QpvStatus.INDETERMINE, QpvStatus.DANS_QPV, QpvStatus.HORS_QPV, QpvStatus.INDETERMINE
  };
  private static final GeoQuality[] QUALITY = GeoQuality.values();
  private static final int MAX_CODES = 4095;
  private static final int MAX_INSEE_CODES = 3500;
  private static final int HZ = 1;
  private static final int CSZ = 2;

  private final PointLocator locator;
  private final Predicate<String> keepCommune;
  private final Predicate<String> keepQpv;
  private final Options options;
  private final ZoneBlock zoneBlock;
  private final boolean keepNoCommune;

  // Interned codes, guarded by "this". Index 0 is "none".
  private final List<String> codes = new ArrayList<>(List.of("", "HZ", "CSZ"));
  private final java.util.Map<String, Integer> codeIndex = new java.util.HashMap<>(java.util.Map.of("HZ", HZ, "CSZ", CSZ));
  private final java.util.Map<Integer, Boolean> keptQpv = new java.util.HashMap<>();
  private final List<String> communes = new ArrayList<>(List.of(""));
  private final java.util.Map<String, Integer> communeIndex = new java.util.HashMap<>();
  private final List<Boolean> keep = new ArrayList<>();
  /** Commune slot + 1 by {@link StockReader#communeNumber()}, 0 when not yet interned. */
  private final int[] communeSlots = new int[StockReader.COMMUNE_NUMBERS];
  private SiretIndex geo;
  /** Geo classes: the packed value of each class number (index 0 unused), guarded by "this". */
  private int[] classValues = new int[1024];
  private int classCount = 1;
  private int classLimit = SiretIndex.MAX_CLASS;
  private final LongIntMap classIndex = new LongIntMap(1024);
  /** Values of the SIRET whose class is {@link SiretIndex#MAX_CLASS} (the class table full). */
  private final LongIntMap overflowValues = new LongIntMap(16);
  /** The class values, frozen after the geolocation pass, for the stock workers. */
  private int[] geoValues;
  /**
   * Activity pairs ({@link #pair}) that have a slot in the zone blocks: slot + 1 by pair, 0 when
   * not yet met, -1 when the slots were full (counted in {@link Tally#activity} instead). A slot,
   * once set, never changes, so a pair is counted in one place only.
   */
  private final int[] pairSlots = new int[1 << PAIR_BITS];
  /** The pair of each slot, guarded by "this". */
  private final int[] slotPairs = new int[ZoneBlock.PAIRS];
  private int pairCount;
  private int pairLimit = ZoneBlock.PAIRS;

  public SirenePipeline(PointLocator locator, Predicate<String> keepCommune, Options options) {
    this(locator, keepCommune, q -> false, options);
  }

  /**
   * @param keepCommune whether the establishments of a commune (INSEE code) are kept individually
   * @param keepQpv whether those located in a QPV are kept when their commune code is missing
   */
  public SirenePipeline(PointLocator locator, Predicate<String> keepCommune, Predicate<String> keepQpv,
      Options options) {
    this.locator = locator;
    this.keepCommune = keepCommune;
    this.keepQpv = keepQpv;
    this.keepNoCommune = keepCommune.test("");
    this.keep.add(keepNoCommune);
    this.options = options;
    this.zoneBlock = ZoneBlock.of(options);
    this.threadTally = ThreadLocal.withInitial(() -> {
      Tally t = new Tally(1 << 10, zoneBlock.width(), zoneCapacity);
      tallies.add(t);
      return t;
    });
  }

  /**
   * Runs the whole pipeline. {@code expectedGeoRows} sizes the SIRET index up front (0 when
   * unknown: it grows).
   */
  public Result run(InputStream stock, InputStream geoFile, long expectedGeoRows,
      Consumer<EstablishmentRow> sink) throws IOException {
    ImportReport geoReport = new ImportReport();
    long start = System.nanoTime();
    zoneCapacity = expectedGeoRows >= NATIONAL_ROWS ? NATIONAL_ZONES : 1024;
    try {
      long duplicates = loadGeo(geoFile, expectedGeoRows, geoReport);
      return joinStock(stock, sink, geoReport, duplicates, System.nanoTime() - start);
    } finally {
      // The calling thread outlives the import (a server thread): leave nothing on it.
      threadTally.remove();
      threadCaches.remove();
      threadBatch.remove();
    }
  }

  /** Index of a QPV code or INSEE value; -1 past {@value #MAX_CODES} distinct values. */
  private synchronized int codeIndexOf(String code) {
    Integer i = codeIndex.get(code);
    if (i != null) {
      return i;
    }
    if (codes.size() > MAX_CODES) {
      return -1;
    }
    codes.add(code);
    codeIndex.put(code, codes.size() - 1);
    return codes.size() - 1;
  }

  /**
   * Index of an INSEE {@code plg_qp24} value; 0 ("not comparable") for a new value once the table
   * is near full, so that stray values can never crowd out the QPV codes of our own answers.
   */
  private synchronized int inseeIndexOf(String value) {
    Integer i = codeIndex.get(value);
    if (i != null) {
      return i;
    }
    return codes.size() >= MAX_INSEE_CODES ? 0 : Math.max(0, codeIndexOf(value));
  }

  private synchronized String code(int index) {
    return index == 0 ? null : codes.get(index);
  }

  /** Index of a commune code, shifted left by one, with its "keep" flag in bit 0. */
  private synchronized int communeSlot(String code) {
    Integer i = communeIndex.get(code);
    if (i == null) {
      if (communes.size() >= 65_535) {
        return keepNoCommune ? 1 : 0;
      }
      communes.add(code);
      keep.add(keepCommune.test(code));
      i = communes.size() - 1;
      communeIndex.put(code, i);
    }
    return i << 1 | (keep.get(i) ? 1 : 0);
  }

  private synchronized String commune(int index) {
    return communes.get(index);
  }

  private synchronized boolean keepQpv(int qpv) {
    return keptQpv.computeIfAbsent(qpv, q -> keepQpv.test(codes.get(q)));
  }

  private int qpvIndexOf(String code) {
    int i = codeIndexOf(code);
    if (i < 0) {
      throw new QpException(fr.quartiersproductifs.shared.ErrorCode.INTERNAL, "Trop de codes QPV distincts.");
    }
    return i;
  }

  /**
   * The class number of a packed geo value: the SIRET index stores it in 17 bits, where the value
   * takes 29. A national file has a few thousand distinct values (QPV x INSEE answer x quality);
   * past {@link SiretIndex#MAX_CLASS} - 1 of them, new values get {@code MAX_CLASS} and are kept
   * beside the index ({@link #overflowValues}).
   */
  private synchronized int classOf(int value) {
    int c = classIndex.get(value + 1L);
    if (c != LongIntMap.MISSING) {
      return c;
    }
    if (classCount >= classLimit) {
      return SiretIndex.MAX_CLASS;
    }
    if (classCount == classValues.length) {
      classValues = java.util.Arrays.copyOf(classValues, classCount * 2);
    }
    classValues[classCount] = value;
    classIndex.put(value + 1L, classCount);
    return classCount++;
  }

  /** Bits of an activity pair: section index (5) << 3 | category (3). */
  private static final int PAIR_BITS = 8;

  /** The activity pair (section, category) of a packed classification (ADR 0030). */
  private static int pair(int cls) {
    return SectorTypology.sectionIndex(cls) << 3 | SectorTypology.category(cls).ordinal();
  }

  /** The zone-block slot of a row's activity pair, or -1 past the slots. */
  private int pairSlot(int cls) {
    int pair = pair(cls);
    int known = pairSlots[pair]; // a benign race: a stale 0 only takes the locked path
    return known > 0 ? known - 1 : known < 0 ? -1 : assignPairSlot(pair);
  }

  private synchronized int assignPairSlot(int pair) {
    int known = pairSlots[pair];
    if (known != 0) {
      return known > 0 ? known - 1 : -1;
    }
    if (pairCount >= pairLimit) {
      pairSlots[pair] = -1;
      return -1;
    }
    slotPairs[pairCount] = pair;
    pairSlots[pair] = pairCount + 1;
    return pairCount++;
  }

  /** Pair slots 0 to {@code limit - 1}, then the activity table: for tests of that path. */
  synchronized void limitActivityPairs(int limit) {
    pairLimit = Math.max(0, Math.min(limit, ZoneBlock.PAIRS));
  }

  private synchronized int[] frozenSlotPairs() {
    return java.util.Arrays.copyOf(slotPairs, pairCount);
  }

  /** Classes 1 to {@code limit - 1}, then the side map: for tests of the overflow path. */
  synchronized void limitGeoClasses(int limit) {
    classLimit = Math.max(1, Math.min(limit, SiretIndex.MAX_CLASS));
  }

  private synchronized int[] frozenClassValues() {
    return java.util.Arrays.copyOf(classValues, classCount);
  }

  /**
   * Per-thread caches of interned codes (values never change once interned), so that a worker
   * takes the lock once per distinct code rather than once per row.
   */
  private static final class Caches {
    final LongIntMap insee = new LongIntMap(64);
    final LongIntMap qpv = new LongIntMap(4096);
    final LongIntMap communes = new LongIntMap(1 << 10);
    final LongIntMap naf = new LongIntMap(1 << 10);
    final LongIntMap classes = new LongIntMap(1 << 12);
  }

  private final ThreadLocal<Caches> threadCaches = ThreadLocal.withInitial(Caches::new);

  /** The located part of one chunk of the geolocation file, in file order. */
  /** What every part says of its chunk: lines consumed, and the record left open at its end. */
  private abstract static class ReadPart implements ChunkedInput.Part {
    long lines;
    int carry;

    void readBy(DelimitedReader r) {
      lines = r.linesRead();
      carry = r.carry();
    }

    @Override
    public long lines() {
      return lines;
    }

    @Override
    public int carry() {
      return carry;
    }
  }

  private static final class GeoPart extends ReadPart {
    ImportReport report = new ImportReport();
    long[] siret = new long[1024];
    /** The geo class, or, past the class table ({@link SiretIndex#MAX_CLASS}), {@code ~value}. */
    int[] cls = new int[1024];
    int[] line = new int[1024];
    int size;

    void add(long s, int value, int c, long l) {
      if (size == siret.length) {
        siret = java.util.Arrays.copyOf(siret, size * 2);
        cls = java.util.Arrays.copyOf(cls, size * 2);
        line = java.util.Arrays.copyOf(line, size * 2);
      }
      siret[size] = s;
      cls[size] = c == SiretIndex.MAX_CLASS ? ~value : c; // values are 29 bits: ~value < 0
      line[size] = (int) l;
      size++;
    }

    /** Empty again, its arrays kept, for another chunk. */
    GeoPart reset() {
      report = new ImportReport();
      size = 0;
      return this;
    }

  }

  /**
   * Parts merged, for the chunks to come: their arrays grow once to a chunk's rows, instead of
   * twice a chunk's worth of garbage for every chunk (~1.5 GB for a national file).
   */
  private final java.util.concurrent.ConcurrentLinkedQueue<GeoPart> geoParts = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** Pass 1: workers parse and locate chunks; the SIRET index is filled in file order. */
  private long loadGeo(InputStream in, long expected, ImportReport report) throws IOException {
    // Sized up front from the file's size, within reason: past 60 M rows (a corrupt or foreign
    // file of 100+ GB) the index grows as it fills instead of taking the heap at once.
    geo = new SiretIndex(Math.min(Math.max(expected, 1 << 16), 60_000_000));
    LocalDate date = options.stockDate();
    PointLocator.Statuses fast = locator.statuses();
    long[] duplicates = {0};
    try (ChunkedInput chunks = new ChunkedInput(in, options.chunkBytes())) {
      Columns columns = GeoReader.columns(chunks.header(GeoReader.DELIMITER));
      chunks.process(Math.max(1, options.workers()), c -> geoChunk(c, columns, fast, date), (part, before) -> {
        // The part's own issues and the duplicates found here, in line order, as a sequential read.
        report.addCounts(part.report);
        List<ImportIssue> issues = part.report.issues();
        int next = 0;
        for (int i = 0; i < part.size; i++) {
          int c = part.cls[i];
          if (c < 0) {
            overflowValues.put(part.siret[i] + 1, ~c);
            c = SiretIndex.MAX_CLASS;
          }
          if (geo.put(part.siret[i], c) != SiretIndex.MISSING) {
            duplicates[0]++;
            next = warnAt(report, issues, next, before, part.line[i], null,
                "SIRET en double dans le fichier de géolocalisation : la dernière ligne est retenue");
          } else {
            report.imported();
          }
        }
        while (next < issues.size()) {
          report.addIssue(issues.get(next++), before);
        }
        geoParts.add(part); // nothing refers to it any more
      }, (discarded, chunk) -> { }); // a part holds no effect outside itself
    }
    geoParts.clear();
    geo.freeze();
    geoValues = frozenClassValues();
    return duplicates[0];
  }

  private GeoPart geoChunk(DelimitedReader.Chunk chunk, Columns columns, PointLocator.Statuses fast,
      LocalDate date) throws IOException {
    GeoPart used = geoParts.poll();
    GeoPart part = used == null ? new GeoPart() : used.reset();
    DelimitedReader r = new DelimitedReader(chunk, GeoReader.DELIMITER, 0);
    GeoReader g = new GeoReader(columns, r, part.report);
    r.locateUpTo(g.lastColumn()); // 13 of INSEE's 19 columns are not read
    Caches caches = threadCaches.get();
    LongIntMap inseeCache = caches.insee;
    LongIntMap qpvCache = caches.qpv;
    LongIntMap classCache = caches.classes;
    double[] lonLat = new double[2];
    while (g.next()) {
      boolean hasPoint = g.hasPoint();
      GeoQuality gq = GeoQuality.of(g.quality(), hasPoint);
      int located = INDET; // status | qpv << 2
      if (hasPoint && gq != GeoQuality.COMMUNE) {
        located = locate(g.x(), g.y(), g.epsg(), fast, qpvCache, date);
        if (located == INDET && !locator.placeable(g.x(), g.y(), g.epsg()) && g.wgs84(lonLat)) {
          // x/y cannot be placed (off their EPSG's domain, or an unsupported code): INSEE's own
          // WGS84 pair of the row is the second source, taken when it answers. Any other
          // INDETERMINE (a QPV contour unusable nearby, no QPV list there) stands.
          int again = locate(lonLat[0], lonLat[1], Coordinates.WGS84, fast, qpvCache, date);
          if (again != INDET) {
            located = again;
            part.report.repaired(g.lineNumber(), g.siretText(), "x/y hors du domaine de l'EPSG " + g.epsg()
                + " : établissement localisé par y_latitude/x_longitude");
          }
        }
      }
      int status = located & 3;
      int qpv = located >>> 2;
      int insee = 0;
      if (!g.plgQp24Empty()) {
        long plgKey = g.plgQp24Key();
        if (plgKey != 0) {
          insee = inseeCache.get(plgKey);
          if (insee == LongIntMap.MISSING) {
            insee = inseeIndexOf(g.plgQp24());
            inseeCache.put(plgKey, insee);
          }
        } else {
          insee = inseeIndexOf(g.plgQp24()); // longer than 8 bytes: not a QPV code
        }
      }
      int value = status | (qpv << 2) | (insee << 14) | (gq.ordinal() << 26);
      int cls = classCache.get(value + 1L);
      if (cls == LongIntMap.MISSING) {
        cls = classOf(value);
        if (cls != SiretIndex.MAX_CLASS) {
          classCache.put(value + 1L, cls);
        }
      }
      part.add(g.siret(), value, cls, g.lineNumber());
    }
    part.readBy(r);
    return part;
  }

  /** Our answer for one point, packed as status | qpv index << 2. */
  private int locate(double x, double y, int epsg, PointLocator.Statuses fast, LongIntMap qpvCache,
      LocalDate date) {
    if (fast == null) {
      PointLocator.Located l = locator.locate(x, y, epsg, date);
      return l.status() == QpvStatus.DANS_QPV ? DANS | qpvIndexOf(l.qpvCode()) << 2
          : l.status() == QpvStatus.HORS_QPV ? HORS : INDET;
    }
    int s = fast.status(x, y, epsg, date);
    if (s >= 0) {
      int qpv = qpvCache.get(s + 1L);
      if (qpv == LongIntMap.MISSING) {
        qpv = qpvIndexOf(fast.qpvCode(s));
        qpvCache.put(s + 1L, qpv);
      }
      return DANS | qpv << 2;
    }
    return s == PointLocator.Statuses.HORS ? HORS : INDET;
  }

  /** The counted part of one chunk of the stock, in file order. */
  private static final class StockPart extends ReadPart {
    final ImportReport report = new ImportReport();
    final List<Aggregates.Disagreement> disagreements = new ArrayList<>();
    final List<EstablishmentRow> kept = new ArrayList<>();
    /** SIRET and line (in the chunk) of each kept establishment. */
    long[] keptSiret = new long[16];
    int[] keptLine = new int[16];
    long disagreementCount;
    long rows;
    long active;

    void keep(EstablishmentRow row, long siret, int line) {
      int n = kept.size();
      if (n == keptSiret.length) {
        keptSiret = java.util.Arrays.copyOf(keptSiret, n * 2);
        keptLine = java.util.Arrays.copyOf(keptLine, n * 2);
      }
      keptSiret[n] = siret;
      keptLine[n] = line;
      kept.add(row);
    }
  }

  /**
   * Counts of one thread. Each worker counts straight into its own (no merge per chunk); the
   * calling thread's tally also takes the corrections when a chunk parsed on a wrong assumption is
   * thrown away ({@link ChunkedInput}): its counts are subtracted, so the sum of all tallies is
   * exactly the count of a sequential read.
   */
  private static final class Tally {
    /**
     * Activity keyed by zone, section and category (ADR 0030), for the pairs (section, category)
     * past the zone blocks' slots: none with ADR 0030's typology, which has 32 pairs.
     */
    final Counters activity;
    /** By zone: flows, quality cells, then activity by pair ({@link ZoneBlock}). */
    final ZoneCounts zones;

    Tally(int activityCapacity, int zoneWidth, int zoneCapacity) {
      activity = new Counters(activityCapacity, 2);
      zones = new ZoneCounts(zoneWidth, zoneCapacity);
    }

    void addAll(Tally other, int sign) {
      activity.addAll(other.activity, sign);
      zones.addAll(other.zones, sign);
    }
  }

  /**
   * The block of counts of a zone ({@link ZoneCounts}): creations by year, closures by year, one
   * cell per geolocation quality × comparison with INSEE × partial diffusion, then four cells per
   * activity pair (section, category: establishments, employers, craft by register, craft by
   * NAF), so that the counts of one row are side by side (ADR 0039). Years are offsets from
   * {@code firstYear}.
   */
  private record ZoneBlock(int firstYear, int years) {
    private static final InseeCheck[] CHECKS = InseeCheck.values();
    /** Activity pairs with cells in the block: ADR 0030's typology has 32. */
    static final int PAIRS = 32;
    static final int PAIR_CELLS = 4;

    /** The stock's year and the {@code flowYears} before it. */
    static ZoneBlock of(Options o) {
      return new ZoneBlock(o.stockDate().getYear() - o.flowYears(), o.flowYears() + 1);
    }

    int width() {
      return activityStart() + PAIRS * PAIR_CELLS;
    }

    /** The first activity cell: flows and quality cells come before it. */
    int activityStart() {
      return 2 * years + QUALITY.length * CHECKS.length * 2;
    }

    /** The first of an activity slot's four cells. */
    int activity(int slot) {
      return activityStart() + slot * PAIR_CELLS;
    }

    /** The activity slot of an activity cell, and which of its four counts it is. */
    int slotOf(int cell) {
      return (cell - activityStart()) / PAIR_CELLS;
    }

    int countOf(int cell) {
      return (cell - activityStart()) % PAIR_CELLS;
    }

    /** The offset of a year among the years counted, or -1 outside them. */
    int offset(int year) {
      int k = year - firstYear;
      return k >= 0 && k < years ? k : -1;
    }

    int closure(int offset) {
      return years + offset;
    }

    int quality(int gq, int check, boolean partial) {
      return 2 * years + (gq * CHECKS.length + check) * 2 + (partial ? 1 : 0);
    }

    /** A quality cell read back into its row. */
    Aggregates.Quality quality(String commune, QpvStatus status, String qpv, int cell, long n) {
      int q = cell - 2 * years;
      return new Aggregates.Quality(commune, status, qpv, QUALITY[q / (2 * CHECKS.length)],
          CHECKS[q / 2 % CHECKS.length], q % 2 == 1, n);
    }
  }

  private final List<Tally> tallies = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Each worker's tally, sized for a national import (set up in the constructor, after the zone block). */
  private final ThreadLocal<Tally> threadTally;
  /**
   * Zones each worker's tally has room for up front: those of a national file (ADR 0039) when the
   * geolocation file is of national size, else a few, grown as needed.
   */
  private int zoneCapacity = 1024;
  /** Geolocation rows from which a file is taken for a national one. */
  static final long NATIONAL_ROWS = 5_000_000;
  /**
   * Zones of a national file, with room to spare: a commune has two (outside QPV, undetermined)
   * and one per QPV it holds (about 35,000 communes with Paris, Lyon and Marseille's
   * arrondissements, 1,609 QPV); each worker met about 79,000 in the synthetic national file,
   * which draws from every commune.
   */
  static final int NATIONAL_ZONES = 96_000;

  /** The sum of one kind of counts over the threads' tallies, added into the largest one. */
  private <T> T sum(Function<Tally, T> kind, ToIntFunction<T> size, BiConsumer<T, T> addInto, Supplier<T> none) {
    T largest = null;
    for (Tally t : tallies) {
      T c = kind.apply(t);
      if (largest == null || size.applyAsInt(c) > size.applyAsInt(largest)) {
        largest = c;
      }
    }
    if (largest == null) {
      return none.get();
    }
    for (Tally t : tallies) {
      T c = kind.apply(t);
      if (c != largest) {
        addInto.accept(largest, c);
      }
    }
    return largest;
  }

  private Result joinStock(InputStream in, Consumer<EstablishmentRow> sink, ImportReport geoReport,
      long duplicates, long geoNanos) throws IOException {
    long start = System.nanoTime();
    ImportReport report = new ImportReport();
    List<Aggregates.Disagreement> disagreements = new ArrayList<>();
    long[] totals = new long[4]; // disagreements, rows, active, kept
    try (ChunkedInput chunks = new ChunkedInput(in, options.chunkBytes())) {
      Columns columns = StockReader.columns(chunks.header(StockReader.DELIMITER));
      Tally[] corrections = new Tally[1]; // made on first use: a chunk parsed on a wrong assumption is rare
      long[] lastKept = {-1};
      chunks.process(Math.max(1, options.workers()), c -> stockChunk(c, columns, threadTally.get()), (part, before) -> {
        // The part's issues, and its repeated kept establishments, in line order.
        report.addCounts(part.report);
        List<ImportIssue> issues = part.report.issues();
        int next = 0;
        for (int i = 0; i < part.kept.size(); i++) {
          long siret = part.keptSiret[i];
          if (siret == lastKept[0]) {
            // The same establishment again (next to itself in INSEE's SIRET order): listed once,
            // each of its rows counted as read. Out of order, the store's key says it.
            next = warnAt(report, issues, next, before, part.keptLine[i], part.kept.get(i).siret(),
                "SIRET en double dans le stock : l'établissement n'est listé qu'une fois, chaque ligne reste comptée dans les agrégats");
            continue;
          }
          lastKept[0] = siret;
          totals[3]++;
          sink.accept(part.kept.get(i));
        }
        while (next < issues.size()) {
          report.addIssue(issues.get(next++), before);
        }
        for (Aggregates.Disagreement d : part.disagreements) {
          if (disagreements.size() < options.maxDisagreements()) {
            disagreements.add(d);
          }
        }
        totals[0] += part.disagreementCount;
        totals[1] += part.rows;
        totals[2] += part.active;
      }, (discarded, chunk) -> {
        // Parsed on a wrong assumption: count it again alone, and take those counts back.
        Tally undo = new Tally(1 << 12, zoneBlock.width(), 1024); // one chunk's counts
        stockChunk(chunk, columns, undo);
        if (corrections[0] == null) {
          corrections[0] = new Tally(1 << 10, zoneBlock.width(), 1024);
          tallies.add(corrections[0]);
        }
        corrections[0].addAll(undo, -1);
      });
    }
    long rowsStart = System.nanoTime();
    snapshotNames();
    // The aggregates are summed over the threads' tallies, then turned into rows in parallel:
    // activity on another thread, quality and flows here (both only read the zones' sums).
    ZoneCounts zoneSums = sum(t -> t.zones, ZoneCounts::size, (a, b) -> a.addAll(b, 1),
        () -> new ZoneCounts(zoneBlock.width()));
    int[] pairs = frozenSlotPairs();
    java.util.concurrent.CompletableFuture<List<Aggregates.Activity>> activityRows =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          Counters activity = sum(t -> t.activity, Counters::size, (a, b) -> a.addAll(b, 1), Counters::new);
          if (activity.size() == 0 && (long) zoneSums.size() * ZoneBlock.PAIRS < 1L << CELL_BITS) {
            return zoneActivityRows(zoneSums, pairs); // every pair had its slot: the usual case
          }
          addZoneActivity(zoneSums, pairs, activity);
          return activityRows(activity);
        }, runnable -> {
          Thread t = new Thread(runnable, "sirene-aggregates");
          t.setDaemon(true);
          t.start();
        });
    List<Aggregates.Quality> qualityRows = new ArrayList<>(zoneSums.size());
    List<Aggregates.ZoneFlows> flowRows = new ArrayList<>(zoneSums.size());
    zoneRows(zoneSums, qualityRows, flowRows);
    List<Aggregates.Activity> activityList;
    try {
      activityList = activityRows.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrompu", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
    long end = System.nanoTime();
    return new Result(report, geoReport, activityList, qualityRows, flowRows, disagreements, totals[0],
        totals[1], totals[2], totals[3], geo.size(), duplicates, geo.bytes(),
        new Timings(geoNanos, rowsStart - start, end - rowsStart));
  }

  /**
   * Adds a warning at a line of a part (local to it), after the part's own issues of earlier lines
   * (from {@code next}); returns where those issues now stand.
   */
  private static int warnAt(ImportReport report, List<ImportIssue> issues,
      int next, long before, int line, String identifier, String reason) {
    while (next < issues.size() && issues.get(next).lineNumber() < line) {
      report.addIssue(issues.get(next++), before);
    }
    report.warn(before + line, identifier, reason);
    return next;
  }

  /** Rows per batch of the stock pass. */
  private static final int BATCH = 256;
  private static final int ACTIVE = 1;
  private static final int EMPLOYER = 2;
  private static final int CRAFT_RM = 4;
  private static final int CRAFT_NAF = 8;
  private static final int PARTIAL = 16;

  /**
   * One batch of stock rows, column by column, per thread. The rows are parsed first, then all
   * their SIRET looked up in the index, then all counted: each of those loops is short and its
   * iterations independent, so the processor overlaps their cache misses (the index and the
   * tallies are far larger than the caches), where one loop per row waited for each in turn.
   */
  private static final class Batch {
    final long[] siret = new long[BATCH];
    final int[] slot = new int[BATCH];
    final int[] cls = new int[BATCH];
    final int[] flags = new int[BATCH];
    /** Creation year and closure year as offsets in the zone's flows ({@link ZoneBlock}), -1 when not counted. */
    final int[] creationYear = new int[BATCH];
    final int[] closureYear = new int[BATCH];
    final int[] geo = new int[BATCH];
    final long[] zone = new long[BATCH];
    /** Offset of the zone's block in the thread's {@link ZoneCounts}. */
    final int[] block = new int[BATCH];
    /** The text of a row that may be kept (diffusible, in a kept commune or without one). */
    final KeptText[] text = new KeptText[BATCH];
    int size;
  }

  /** What a kept establishment shows, read while its row is at hand. */
  private record KeptText(String siret, String commune, String naf, LocalDate creation, LocalDate debut,
      String tranche, String sign, String address, int line) {}

  private final ThreadLocal<Batch> threadBatch = ThreadLocal.withInitial(Batch::new);

  private StockPart stockChunk(DelimitedReader.Chunk chunk, Columns columns, Tally tally) throws IOException {
    StockPart part = new StockPart();
    DelimitedReader r = new DelimitedReader(chunk, StockReader.DELIMITER, 0);
    StockReader s = new StockReader(columns, r, part.report);
    Caches caches = threadCaches.get();
    Batch b = threadBatch.get();
    boolean more = true;
    while (more) {
      b.size = 0;
      while (b.size < BATCH && (more = s.next())) {
        readRow(s, b, caches);
      }
      countBatch(b, part, tally);
    }
    part.readBy(r);
    return part;
  }

  /** Loads the current stock row into the batch. */
  private void readRow(StockReader s, Batch b, Caches caches) {
    int i = b.size++;
    b.siret[i] = s.siret();
    int slot = communeSlotOf(s, caches.communes);
    b.slot[i] = slot;
    int cls = classify(s, caches.naf);
    b.cls[i] = cls;
    boolean active = s.active();
    boolean craftRm = s.hasCraftRegisterCode();
    byte diffusion = s.diffusion();
    b.flags[i] = (active ? ACTIVE : 0) | (s.employer() ? EMPLOYER : 0) | (craftRm ? CRAFT_RM : 0)
        | (!craftRm && SectorTypology.craftByNaf(cls) ? CRAFT_NAF : 0) | (diffusion == 'P' ? PARTIAL : 0);
    b.creationYear[i] = zoneBlock.offset(s.creationYear());
    b.closureYear[i] = active ? -1 : zoneBlock.offset(s.dateDebutYear());
    boolean mayKeep = diffusion == 'O' && ((slot & 1) == 1 || slot >>> 1 == 0);
    b.text[i] = mayKeep ? new KeptText(s.siretText(), slot >>> 1 == 0 ? "" : s.communeCode(), s.naf(),
        s.creationLocalDate(), active ? null : s.dateDebutLocalDate(), s.trancheEffectifs(), s.sign(), s.address(),
        (int) s.lineNumber())
        : null;
  }

  /** Joins a batch to the SIRET index, counts it into the tally, and keeps what is kept. */
  private void countBatch(Batch b, StockPart part, Tally tally) {
    int n = b.size;
    long[] siret = b.siret;
    int[] geoOf = b.geo;
    for (int i = 0; i < n; i++) {
      geoOf[i] = geoValue(siret[i]);
    }
    long[] zones = b.zone;
    for (int i = 0; i < n; i++) {
      int g = geoOf[i];
      int status = g & 3;
      int qpv = status == DANS ? (g >>> 2) & 0xFFF : 0;
      zones[i] = ((long) (b.slot[i] >>> 1) << 14) | ((long) status << 12) | qpv; // 30 bits
    }
    // Activity, flows and quality: one lookup of the zone, then counts in its block.
    ZoneCounts zoneCounts = tally.zones;
    int[] block = b.block;
    for (int i = 0; i < n; i++) {
      block[i] = zoneCounts.block(zones[i]);
    }
    int[] counts = zoneCounts.counts();
    for (int i = 0; i < n; i++) {
      int f = b.flags[i];
      if ((f & ACTIVE) != 0) {
        int cls = b.cls[i];
        int slot = pairSlot(cls);
        if (slot >= 0) {
          int at = block[i] + zoneBlock.activity(slot);
          counts[at]++;
          counts[at + 1] += (f & EMPLOYER) != 0 ? 1 : 0;
          counts[at + 2] += (f & CRAFT_RM) != 0 ? 1 : 0;
          counts[at + 3] += (f & CRAFT_NAF) != 0 ? 1 : 0;
        } else {
          countActivity(tally.activity, zones[i], cls, f);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int cy = b.creationYear[i];
      if (cy >= 0) {
        counts[block[i] + cy]++;
      }
      int fy = b.closureYear[i];
      if (fy >= 0) {
        counts[block[i] + zoneBlock.closure(fy)]++;
      }
    }
    int maxDisagreements = options.maxDisagreements();
    for (int i = 0; i < n; i++) {
      int g = geoOf[i];
      int status = g & 3;
      int qpv = status == DANS ? (g >>> 2) & 0xFFF : 0;
      int insee = (g >>> 14) & 0xFFF;
      int gq = (g >>> 26) & 7;
      int check = insee == 0 || status == INDET ? 0
          : status == DANS ? (insee == qpv ? 1 : 2)
          : (insee == HZ || insee == CSZ ? 1 : 2);
      int f = b.flags[i];
      boolean active = (f & ACTIVE) != 0;
      boolean partial = (f & PARTIAL) != 0;
      if (active) {
        part.active++;
        counts[block[i] + zoneBlock.quality(gq, check, partial)]++;
      }
      int commune = b.slot[i] >>> 1;
      if (check == 2) {
        part.disagreementCount++;
        if (part.disagreements.size() < maxDisagreements && !partial) {
          part.disagreements.add(new Aggregates.Disagreement(siretText(siret[i]), commune == 0 ? "" : commune(commune),
              STATUS[status], code(qpv), code(insee), active));
        }
      }
      KeptText t = b.text[i];
      if (t != null && ((b.slot[i] & 1) == 1 || (commune == 0 && qpv != 0 && keepQpv(qpv)))) {
        int cls = b.cls[i];
        part.keep(new EstablishmentRow(
            t.siret(), t.commune(), STATUS[status], code(qpv), code(insee), QUALITY[gq], t.naf(),
            SectorTypology.sectionCode(cls), SectorTypology.category(cls),
            (f & CRAFT_RM) != 0 ? "RM" : (f & CRAFT_NAF) != 0 ? "NAF" : null, active, t.creation(),
            t.debut(), (f & EMPLOYER) != 0, t.tranche(), t.sign(), t.address()), siret[i], t.line());
      }
      b.text[i] = null;
      part.rows++;
      part.report.imported();
    }
  }

  /** The activity key of a zone and a pair (section index << 3 | category), never 0. */
  private static long activityKey(long zone, int pair) {
    return (zone << PAIR_BITS | pair) + 1;
  }

  /**
   * Counts an active row in the activity table: four counts in two packed longs ({@link
   * Counters}), establishments + employers << 32, and craft by register + craft by NAF << 32.
   */
  private static void countActivity(Counters activity, long zone, int cls, int f) {
    activity.add(activityKey(zone, pair(cls)), 1 + ((f & EMPLOYER) != 0 ? 1L << 32 : 0),
        (f & CRAFT_RM) != 0 ? 1 : (f & CRAFT_NAF) != 0 ? 1L << 32 : 0);
  }

  /** Adds the activity cells of the zones' blocks to the activity table, packed as there. */
  private void addZoneActivity(ZoneCounts zones, int[] slotPairs, Counters activity) {
    zones.forEach(zoneBlock.activityStart(), zoneBlock.width(), (zone, cell, n) -> {
      long key = activityKey(zone, slotPairs[zoneBlock.slotOf(cell)]);
      switch (zoneBlock.countOf(cell)) {
        case 0 -> activity.add(key, n, 0);
        case 1 -> activity.add(key, (long) n << 32, 0);
        case 2 -> activity.add(key, 0, n);
        default -> activity.add(key, 0, (long) n << 32);
      }
    });
  }

  /** A SIRET as written: 14 digits, leading zeros included. */
  private static String siretText(long siret) {
    char[] c = new char[14];
    for (int k = 13; k >= 0; k--) {
      c[k] = (char) ('0' + siret % 10);
      siret /= 10;
    }
    return new String(c);
  }

  /** The packed geo value of a SIRET; for one absent from the geolocation file, undetermined. */
  private int geoValue(long siret) {
    int c = geo.get(siret);
    if (c == SiretIndex.MISSING) {
      return INDET | (GeoQuality.ABSENTE.ordinal() << 26);
    }
    return c != SiretIndex.MAX_CLASS ? geoValues[c] : overflowValues.get(siret + 1);
  }

  private int communeSlotOf(StockReader s, LongIntMap cache) {
    int number = s.communeNumber();
    if (number >= 0) {
      // A benign race: a slot, once set, never changes; a stale 0 only takes the locked path.
      int known = communeSlots[number];
      if (known != 0) {
        return known - 1;
      }
      int slot = communeSlot(s.communeCode());
      communeSlots[number] = slot + 1;
      return slot;
    }
    long key = s.communeKey();
    if (key == 0) {
      return keepNoCommune ? 1 : 0;
    }
    int slot = cache.get(key);
    if (slot == LongIntMap.MISSING) {
      slot = communeSlot(s.communeCode());
      cache.put(key, slot);
    }
    return slot;
  }

  private static int classify(StockReader s, LongIntMap cache) {
    if (!s.nafRev2()) {
      return SectorTypology.packed(null, false);
    }
    long key = s.nafKey();
    if (key == 0) {
      return SectorTypology.packed(s.naf(), true);
    }
    int c = cache.get(key);
    if (c == LongIntMap.MISSING) {
      c = SectorTypology.packed(s.naf(), true);
      cache.put(key, c);
    }
    return c;
  }

  /** Names of the interned communes and codes, copied once counting is over (read without lock). */
  private String[] communeNames;
  private String[] codeNames;

  private synchronized void snapshotNames() {
    communeNames = communes.toArray(String[]::new);
    codeNames = codes.toArray(String[]::new);
  }

  private String communeOf(long zone) {
    return communeNames[(int) (zone >>> 14)];
  }

  private String qpvOf(long zone) {
    int index = (int) (zone & 0xFFF);
    return index == 0 ? null : codeNames[index];
  }

  private static QpvStatus statusOf(long zone) {
    return STATUS[(int) (zone >>> 12) & 3];
  }

  private List<Aggregates.Activity> activityRows(Counters c) {
    long[] keys = c.keys();
    java.util.Arrays.sort(keys); // a stable order of rows, whatever the threads did
    List<Aggregates.Activity> out = new ArrayList<>(keys.length);
    for (long key : keys) {
      long counts = c.get(key, 0);
      long craft = c.get(key, 1);
      if (counts == 0 && craft == 0) {
        continue; // counted, then taken back (ChunkedInput's re-read)
      }
      out.add(activityRow(key, counts & 0xFFFF_FFFFL, counts >>> 32, craft & 0xFFFF_FFFFL, craft >>> 32));
    }
    return out;
  }

  /** The row of an activity key ({@link #activityKey}) and its four counts. */
  private Aggregates.Activity activityRow(long key, long active, long employer, long craftRm, long craftNaf) {
    long zone = (key - 1) >>> PAIR_BITS;
    int pair = (int) (key - 1) & ((1 << PAIR_BITS) - 1);
    int cls = pair >>> 3 | (pair & 7) << 5; // back to SectorTypology's packing, craft bit aside
    return new Aggregates.Activity(communeOf(zone), statusOf(zone), qpvOf(zone), SectorTypology.sectionCode(cls),
        SectorTypology.category(cls), active, employer, craftRm, craftNaf);
  }

  private static final int CELL_BITS = 24;

  /**
   * The activity rows of the zones' blocks, in the order {@link #activityRows} gives (by key),
   * read straight from the blocks: each (zone, slot) with a count is sorted as its key shifted
   * left over its cell's number.
   */
  private List<Aggregates.Activity> zoneActivityRows(ZoneCounts z, int[] slotPairs) {
    int[] counts = z.counts();
    int width = zoneBlock.width();
    long[] order = new long[1024];
    int n = 0;
    for (int b = 0; b < z.size(); b++) {
      for (int slot = 0; slot < slotPairs.length; slot++) {
        int at = b * width + zoneBlock.activity(slot);
        if ((counts[at] | counts[at + 1] | counts[at + 2] | counts[at + 3]) != 0) {
          if (n == order.length) {
            order = java.util.Arrays.copyOf(order, n * 2);
          }
          order[n++] = activityKey(z.zone(b), slotPairs[slot]) << CELL_BITS | (long) b * ZoneBlock.PAIRS + slot;
        }
      }
    }
    java.util.Arrays.sort(order, 0, n);
    List<Aggregates.Activity> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int cell = (int) (order[i] & ((1 << CELL_BITS) - 1));
      int at = cell / ZoneBlock.PAIRS * width + zoneBlock.activity(cell % ZoneBlock.PAIRS);
      out.add(activityRow(order[i] >>> CELL_BITS, counts[at], counts[at + 1], counts[at + 2], counts[at + 3]));
    }
    return out;
  }

  /**
   * The zones' counts read back into rows: for each zone its creations and its closures, one row
   * each with the years that have any (ADR 0045); then the quality cells. Activity cells:
   * {@link #zoneActivityRows}.
   */
  private void zoneRows(ZoneCounts c, List<Aggregates.Quality> quality, List<Aggregates.ZoneFlows> flows) {
    int[] counts = c.counts();
    int[] years = new int[zoneBlock.years()];
    long[] n = new long[zoneBlock.years()];
    for (int b = 0; b < c.size(); b++) {
      int block = b * zoneBlock.width();
      addZoneFlows(flows, c.zone(b), 'C', counts, block, years, n);
      addZoneFlows(flows, c.zone(b), 'F', counts, block + zoneBlock.closure(0), years, n);
    }
    c.forEach(zoneBlock.quality(0, 0, false), zoneBlock.activityStart(), (zone, cell, count) ->
        quality.add(zoneBlock.quality(communeOf(zone), statusOf(zone), qpvOf(zone), cell, count)));
  }

  /** The row of one zone's creations or closures (cells {@code first} on, one a year), if any. */
  private void addZoneFlows(List<Aggregates.ZoneFlows> flows, long zone, char kind, int[] counts, int first,
      int[] years, long[] n) {
    int found = 0;
    for (int k = 0; k < years.length; k++) {
      if (counts[first + k] != 0) {
        years[found] = zoneBlock.firstYear() + k;
        n[found++] = counts[first + k];
      }
    }
    if (found > 0) {
      flows.add(new Aggregates.ZoneFlows(communeOf(zone), statusOf(zone), qpvOf(zone), kind,
          java.util.Arrays.copyOf(years, found), java.util.Arrays.copyOf(n, found)));
    }
  }
}
