package fr.quartiersproductifs.economy.sirene;

import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.economy.Aggregates;
import fr.quartiersproductifs.economy.Category;
import fr.quartiersproductifs.economy.EstablishmentRow;
import fr.quartiersproductifs.economy.GeoQuality;
import fr.quartiersproductifs.economy.InseeCheck;
import fr.quartiersproductifs.economy.PointLocator;
import fr.quartiersproductifs.economy.SectorTypology;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.shared.QpException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The SIRENE import without a database: streams the geolocation file into a compact SIRET index
 * (each point projected and located once, INSEE's plg_qp24 kept beside), then streams the stock,
 * joins each establishment to its index entry, classifies it (ADR 0030) and counts it into
 * national aggregates; establishments of the kept communes go to a sink. Memory: ~12 bytes per
 * SIRET of the geolocation file plus the aggregates, whatever the size of the stock (ADR 0031).
 * Not thread-safe: one pipeline per import.
 */
public final class SirenePipeline {

  /** Options: stock date (QPV list applied, flow window), years of flows kept, disagreements kept. */
  public record Options(LocalDate stockDate, int flowYears, int maxDisagreements, int workers) {
    public Options(LocalDate stockDate, int flowYears, int maxDisagreements) {
      this(stockDate, flowYears, maxDisagreements, Runtime.getRuntime().availableProcessors());
    }

    public Options {
      if (stockDate == null) {
        throw new IllegalArgumentException("stockDate");
      }
    }
  }

  /** What a run produced. */
  public record Result(
      ImportReport stockReport,
      ImportReport geoReport,
      List<Aggregates.Activity> activity,
      List<Aggregates.Quality> quality,
      List<Aggregates.Flow> flows,
      List<Aggregates.Disagreement> disagreements,
      long disagreementCount,
      long establishments,
      long activeEstablishments,
      long kept,
      long geoEntries,
      long duplicateGeoRows,
      long geoIndexBytes) {}

  // Packed geo value: bits 0-1 status, 2-13 our QPV index, 14-25 INSEE value index, 26-28 quality.
  private static final int DANS = 1;
  private static final int HORS = 2;
  private static final int INDET = 3;
  private static final QpvStatus[] STATUS = {
    QpvStatus.INDETERMINE, QpvStatus.DANS_QPV, QpvStatus.HORS_QPV, QpvStatus.INDETERMINE
  };
  private static final GeoQuality[] QUALITY = GeoQuality.values();
  private static final int MAX_CODES = 4095;

  private final PointLocator locator;
  private final Predicate<String> keepCommune;
  private final Predicate<String> keepQpv;
  private final java.util.Map<Integer, Boolean> keptQpv = new java.util.HashMap<>();
  private final Options options;

  private final List<String> qpvCodes = new ArrayList<>(List.of(""));
  private final LongIntMap qpvIndex = new LongIntMap(4096);
  private final List<String> inseeValues = new ArrayList<>(List.of("", "HZ", "CSZ"));
  private final LongIntMap inseeIndex = new LongIntMap(4096);
  private final List<String> communes = new ArrayList<>(List.of(""));
  private final List<Boolean> keep = new ArrayList<>(List.of(false));
  private final LongIntMap communeIndex = new LongIntMap(1 << 16);
  private final LongIntMap nafCache = new LongIntMap(2048);
  private LongIntMap geo;

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
    keep.set(0, keepCommune.test(""));
    this.options = options;
    inseeIndex.put(packAscii("HZ"), 1);
    inseeIndex.put(packAscii("CSZ"), 2);
  }

  private static long packAscii(String s) {
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      v = (v << 8) | (s.charAt(i) & 0xFF);
    }
    return v;
  }

  /**
   * Runs the whole pipeline. {@code expectedGeoRows} sizes the SIRET index up front (0 when
   * unknown: it grows).
   */
  public Result run(InputStream stock, InputStream geoFile, long expectedGeoRows,
      Consumer<EstablishmentRow> sink) throws IOException {
    ImportReport geoReport = new ImportReport();
    long duplicates = loadGeo(geoFile, expectedGeoRows, geoReport);
    return joinStock(stock, sink, geoReport, duplicates);
  }

  private int qpvIndexOf(String code) {
    long key = packAscii(code);
    int idx = code.length() <= 8 ? qpvIndex.get(key) : LongIntMap.MISSING;
    if (idx != LongIntMap.MISSING) {
      return idx;
    }
    int found = qpvCodes.indexOf(code);
    if (found >= 0) {
      return found;
    }
    if (qpvCodes.size() > MAX_CODES) {
      throw new QpException(fr.quartiersproductifs.shared.ErrorCode.INTERNAL, "Trop de codes QPV distincts.");
    }
    qpvCodes.add(code);
    if (code.length() <= 8) {
      qpvIndex.put(key, qpvCodes.size() - 1);
    }
    return qpvCodes.size() - 1;
  }

  /** A batch of geolocation rows parsed by the reading thread, located by a worker. */
  private static final class GeoBatch {
    static final int SIZE = 4096;
    final long[] siret = new long[SIZE];
    final double[] x = new double[SIZE];
    final double[] y = new double[SIZE];
    final int[] epsg = new int[SIZE];
    final int[] partial = new int[SIZE]; // quality class and INSEE index, packed, status to come
    final long[] line = new long[SIZE];
    final boolean[] locate = new boolean[SIZE];
    final PointLocator.Located[] located = new PointLocator.Located[SIZE];
    int size;
  }

  /**
   * Pass 1. The calling thread parses; {@code workers} threads locate the points by batches (the
   * locator is thread-safe); results are applied to the SIRET index in file order.
   */
  private long loadGeo(InputStream in, long expected, ImportReport report) throws IOException {
    geo = new LongIntMap((int) Math.min(Math.max(expected, 1 << 16), 60_000_000));
    LocalDate date = options.stockDate();
    int workers = Math.max(1, options.workers());
    java.util.concurrent.ExecutorService pool = workers > 1
        ? java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "sirene-locate");
            t.setDaemon(true);
            return t;
          })
        : null;
    java.util.ArrayDeque<java.util.concurrent.Future<GeoBatch>> inFlight = new java.util.ArrayDeque<>();
    long[] duplicates = {0};
    try (GeoReader g = new GeoReader(in, report)) {
      GeoBatch batch = new GeoBatch();
      while (g.next()) {
        int i = batch.size++;
        boolean hasPoint = g.hasPoint();
        GeoQuality gq = GeoQuality.of(g.quality(), hasPoint);
        batch.siret[i] = g.siret();
        batch.line[i] = g.lineNumber();
        batch.locate[i] = hasPoint && gq != GeoQuality.COMMUNE;
        if (batch.locate[i]) {
          batch.x[i] = g.x();
          batch.y[i] = g.y();
          batch.epsg[i] = g.epsg();
        }
        batch.partial[i] = (inseeIndexOf(g) << 14) | (gq.ordinal() << 26);
        if (batch.size == GeoBatch.SIZE) {
          submit(batch, pool, inFlight, date);
          while (inFlight.size() > workers * 2) {
            apply(await(inFlight.poll()), report, duplicates);
          }
          batch = new GeoBatch();
        }
      }
      if (batch.size > 0) {
        submit(batch, pool, inFlight, date);
      }
      while (!inFlight.isEmpty()) {
        apply(await(inFlight.poll()), report, duplicates);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return duplicates[0];
  }

  private void submit(GeoBatch b, java.util.concurrent.ExecutorService pool,
      java.util.ArrayDeque<java.util.concurrent.Future<GeoBatch>> inFlight, LocalDate date) {
    java.util.concurrent.Callable<GeoBatch> task = () -> {
      for (int i = 0; i < b.size; i++) {
        if (b.locate[i]) {
          b.located[i] = locator.locate(b.x[i], b.y[i], b.epsg[i], date);
        }
      }
      return b;
    };
    if (pool == null) {
      try {
        inFlight.add(java.util.concurrent.CompletableFuture.completedFuture(task.call()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    } else {
      inFlight.add(pool.submit(task));
    }
  }

  private static GeoBatch await(java.util.concurrent.Future<GeoBatch> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrompu", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void apply(GeoBatch b, ImportReport report, long[] duplicates) {
    for (int i = 0; i < b.size; i++) {
      int status = INDET;
      int qpv = 0;
      PointLocator.Located located = b.located[i];
      if (located != null) {
        switch (located.status()) {
          case DANS_QPV -> {
            status = DANS;
            qpv = qpvIndexOf(located.qpvCode());
          }
          case HORS_QPV -> status = HORS;
          default -> status = INDET;
        }
      }
      int value = status | (qpv << 2) | b.partial[i];
      if (geo.put(b.siret[i], value) != LongIntMap.MISSING) {
        duplicates[0]++;
        report.warn(b.line[i], null, "SIRET en double dans le fichier de géolocalisation : la dernière ligne est retenue");
      } else {
        report.imported();
      }
    }
  }

  private int inseeIndexOf(GeoReader g) {
    long plgKey = g.plgQp24Key();
    if (plgKey == 0) {
      return 0;
    }
    int insee = inseeIndex.get(plgKey);
    if (insee == LongIntMap.MISSING) {
      if (inseeValues.size() > MAX_CODES) {
        return 0;
      }
      inseeValues.add(g.plgQp24());
      insee = inseeValues.size() - 1;
      inseeIndex.put(plgKey, insee);
    }
    return insee;
  }

  private int communeIndexOf(StockReader s) {
    long key = s.communeKey();
    if (key == 0) {
      return 0;
    }
    int idx = communeIndex.get(key);
    if (idx != LongIntMap.MISSING) {
      return idx;
    }
    if (communes.size() >= 65_535) {
      return 0;
    }
    String code = s.communeCode();
    communes.add(code);
    keep.add(keepCommune.test(code));
    communeIndex.put(key, communes.size() - 1);
    return communes.size() - 1;
  }

  private int classify(StockReader s) {
    if (!s.nafRev2()) {
      return SectorTypology.packed(null, false);
    }
    long key = s.nafKey();
    if (key == 0) {
      return SectorTypology.packed(s.naf(), true);
    }
    int c = nafCache.get(key);
    if (c == LongIntMap.MISSING) {
      c = SectorTypology.packed(s.naf(), true);
      nafCache.put(key, c);
    }
    return c;
  }

  private Result joinStock(InputStream in, Consumer<EstablishmentRow> sink, ImportReport geoReport,
      long duplicates) throws IOException {
    ImportReport report = new ImportReport();
    Counters activity = new Counters();
    Counters quality = new Counters();
    Counters flows = new Counters();
    List<Aggregates.Disagreement> disagreements = new ArrayList<>();
    long disagreementCount = 0;
    long rows = 0;
    long active = 0;
    long kept = 0;
    int stockYear = options.stockDate().getYear();
    int firstFlowYear = stockYear - options.flowYears();
    try (StockReader s = new StockReader(in, report)) {
      while (s.next()) {
        rows++;
        int commune = communeIndexOf(s);
        int g = geo.get(s.siret());
        if (g == LongIntMap.MISSING) {
          g = INDET | (GeoQuality.ABSENTE.ordinal() << 26);
        }
        int status = g & 3;
        int qpv = status == DANS ? (g >>> 2) & 0xFFF : 0;
        int insee = (g >>> 14) & 0xFFF;
        int gq = (g >>> 26) & 7;
        int check = insee == 0 || status == INDET ? 0
            : status == DANS ? (insee >= 3 && inseeValues.get(insee).equals(qpvCodes.get(qpv)) ? 1 : 2)
            : (insee == 1 || insee == 2 ? 1 : 2);
        long zone = ((long) commune << 14) | ((long) status << 12) | qpv; // 30 bits
        boolean isActive = s.active();
        int cls = classify(s);
        String rm = s.craftRegisterCode();
        boolean craftRm = rm != null;
        boolean craftNaf = !craftRm && SectorTypology.craftByNaf(cls);
        if (isActive) {
          active++;
          long base = ((zone << 5 | SectorTypology.sectionIndex(cls)) << 3 | SectorTypology.category(cls).ordinal()) << 2;
          activity.add(base | 0, 1);
          if (s.employer()) {
            activity.add(base | 1, 1);
          }
          if (craftRm) {
            activity.add(base | 2, 1);
          } else if (craftNaf) {
            activity.add(base | 3, 1);
          }
          boolean partial = s.diffusion() == 'P';
          quality.add((((zone << 3 | gq) << 2 | check) << 1 | (partial ? 1 : 0)) + 1, 1);
        }
        int cy = s.creationYear();
        if (cy >= firstFlowYear && cy <= stockYear) {
          flows.add(((zone << 1) << 12 | cy) + 1, 1);
        }
        if (!isActive) {
          int fy = s.dateDebutYear();
          if (fy >= firstFlowYear && fy <= stockYear) {
            flows.add(((zone << 1 | 1) << 12 | fy) + 1, 1);
          }
        }
        if (check == 2) {
          disagreementCount++;
          if (disagreements.size() < options.maxDisagreements() && s.diffusion() != 'P') {
            disagreements.add(new Aggregates.Disagreement(s.siretText(), communes.get(commune),
                STATUS[status], qpv == 0 ? null : qpvCodes.get(qpv), inseeValues.get(insee), isActive));
          }
        }
        boolean keepRow = keep.get(commune)
            || (commune == 0 && qpv != 0 && keptQpv.computeIfAbsent(qpv, q -> keepQpv.test(qpvCodes.get(q))));
        if (keepRow && s.diffusion() == 'O') {
          kept++;
          sink.accept(new EstablishmentRow(
              s.siretText(), communes.get(commune), STATUS[status], qpv == 0 ? null : qpvCodes.get(qpv),
              insee == 0 ? null : inseeValues.get(insee), QUALITY[gq], s.naf(),
              SectorTypology.sectionCode(cls), SectorTypology.category(cls),
              craftRm ? "RM" : craftNaf ? "NAF" : null, isActive, date(s.creationDate()),
              isActive ? null : date(s.dateDebut()), s.employer(), s.trancheEffectifs(), s.sign(),
              s.address()));
        }
        report.imported();
      }
    }
    return new Result(report, geoReport, activityRows(activity), qualityRows(quality), flowRows(flows),
        disagreements, disagreementCount, rows, active, kept, geo.size(), duplicates, geo.bytes());
  }

  private static LocalDate date(String iso) {
    if (iso == null || iso.length() != 10) {
      return null;
    }
    try {
      return LocalDate.parse(iso);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private String communeOf(long zone) {
    return communes.get((int) (zone >>> 14));
  }

  private String qpvOf(long zone) {
    int q = (int) (zone & 0xFFF);
    return q == 0 ? null : qpvCodes.get(q);
  }

  private static QpvStatus statusOf(long zone) {
    return STATUS[(int) (zone >>> 12) & 3];
  }

  private List<Aggregates.Activity> activityRows(Counters c) {
    java.util.Map<Long, long[]> merged = new java.util.HashMap<>();
    c.forEach((key, n) -> merged.computeIfAbsent(key >>> 2, k -> new long[4])[(int) (key & 3)] += n);
    List<Aggregates.Activity> out = new ArrayList<>(merged.size());
    Category[] cats = Category.values();
    merged.forEach((k, v) -> {
      long zone = k >>> 8;
      int section = (int) (k >>> 3) & 0x1F;
      out.add(new Aggregates.Activity(communeOf(zone), statusOf(zone), qpvOf(zone),
          section < SectorTypology.SECTIONS.size() ? SectorTypology.SECTIONS.get(section).code() : SectorTypology.UNCLASSIFIED,
          cats[(int) (k & 7)], v[0], v[1], v[2], v[3]));
    });
    return out;
  }

  private List<Aggregates.Quality> qualityRows(Counters c) {
    List<Aggregates.Quality> out = new ArrayList<>(c.size());
    InseeCheck[] checks = InseeCheck.values();
    c.forEach((key, n) -> {
      long k = key - 1;
      boolean partial = (k & 1) == 1;
      int check = (int) (k >>> 1) & 3;
      int gq = (int) (k >>> 3) & 7;
      long zone = k >>> 6;
      out.add(new Aggregates.Quality(communeOf(zone), statusOf(zone), qpvOf(zone), QUALITY[gq],
          checks[check], partial, n));
    });
    return out;
  }

  private List<Aggregates.Flow> flowRows(Counters c) {
    List<Aggregates.Flow> out = new ArrayList<>(c.size());
    c.forEach((key, n) -> {
      long k = key - 1;
      int year = (int) (k & 0xFFF);
      boolean closure = ((k >>> 12) & 1) == 1;
      long zone = k >>> 13;
      out.add(new Aggregates.Flow(communeOf(zone), statusOf(zone), qpvOf(zone), closure ? 'F' : 'C', year, n));
    });
    return out;
  }
}
