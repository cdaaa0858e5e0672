package fr.quartiersproductifs.geography.locator;

import fr.quartiersproductifs.dataset.DatasetVersion;
import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Generation;
import fr.quartiersproductifs.geography.Localisation;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.QpvRef;
import fr.quartiersproductifs.geography.QpvStatus;
import fr.quartiersproductifs.geography.ReferenceGeography;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * Tells which QPV in force at a date contains a point, in the zone's official projected system.
 *
 * <p>How: every QPV is projected once (Lambert-93 in metropolitan France, UTM overseas) and
 * indexed with an {@link IndexedPointInAreaLocator} and a {@link SegmentDistance} on its
 * boundary. For each period during which the set of QPV in force does not change (an "epoch": up
 * to 2023, 2024, from 2025...), a {@link CellGrid} of 500 m cells records which QPV lie within 1
 * km of each cell, and which QPV covers a cell entirely. Most points fall in a cell with no QPV
 * nearby and are answered without any geometric computation.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>a point on a boundary (within 5 cm, see {@link #ON_BOUNDARY_M}) is inside;
 *   <li>when no QPV contains the point, the answer is HORS_QPV only if the point lies in a
 *       French département (simplified outlines, 2 km of tolerance for the coastline) where a QPV
 *       list is in force at the date <em>and imported</em>; otherwise INDETERMINE with the reason;
 *   <li>a QPV whose contour is degenerate (collapsed to a point in the imported file) makes every
 *       point within 1 km of it INDETERMINE rather than HORS_QPV.
 * </ul>
 *
 * <p>Thread-safe once built; epochs are built on first use.
 *
 * <p>Known limitations: the département outlines are simplified (~1 km), so a point at sea or
 * abroad within 2 km of the French coast or border counts as being in France; the pilot territory
 * is given only for a point inside a QPV (no commune contours are loaded).
 */
public final class QpvLocator {
  /** Beyond this distance, no nearest QPV is reported. */
  public static final double NEAREST_MAX_M = 1000;

  static final double QPV_CELL_M = 500;
  static final double DEPARTEMENT_CELL_M = 5000;
  static final double COAST_TOLERANCE_M = 2000;
  /**
   * Tolerance of "on the boundary". Contour edges are straight in the projected system; a point
   * taken on an edge that is straight in longitude/latitude lies up to a few centimetres off it on
   * long edges (1.8 cm for an 800 m edge along a parallel in Lambert-93).
   */
  static final double ON_BOUNDARY_M = 0.05;
  private static final DateTimeFormatter FRENCH_DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);

  private final ReferenceGeography geography;
  private final Map<Zone, ZoneProjection> projections = new EnumMap<>(Zone.class);
  private final Map<Zone, DepartementLayer> departements = new EnumMap<>(Zone.class);
  private final List<PlanarQpv> qpv = new ArrayList<>();
  private final Map<Generation, Set<String>> coveredRegions = new EnumMap<>(Generation.class);
  /** Imported period of each generation, metropole and overseas: {first day, last day or null}. */
  private final Map<String, LocalDate[]> periods = new HashMap<>();
  private final Map<Generation, String> qpvVersions = new EnumMap<>(Generation.class);
  private final String outlinesVersion;
  private final Map<Generation, List<String>> versionLists = new EnumMap<>(Generation.class);
  private final TreeSet<LocalDate> epochStarts = new TreeSet<>();
  private final Map<LocalDate, Epoch> epochs = new ConcurrentHashMap<>();
  private final Map<String, Integer> idsByCode = new HashMap<>();
  /** Zones whose département outlines (within 2 km) lie inside the zone's domain. */
  private final Set<Zone> domainHoldsData = EnumSet.noneOf(Zone.class);
  /** By QPV id: its contour lies inside its zone's domain. */
  private boolean[] qpvInDomain;
  private volatile StatusContext lastContext;

  /**
   * What {@link #status} needs at a date, looked up once: the zone indexes of the epoch, and by
   * zone and département (layer index) whether a point there may be HORS_QPV (a QPV list is in
   * force and imported there). Cached: an import asks for one date.
   */
  private record StatusContext(LocalDate date, ZoneIndex[] zones, boolean[][] horsAllowed, boolean[] horsEverywhere) {}

  private StatusContext context(LocalDate date) {
    StatusContext c = lastContext;
    if (c != null && c.date().equals(date)) {
      return c;
    }
    Epoch epoch = epoch(date);
    ZoneIndex[] zones = new ZoneIndex[Zone.values().length];
    boolean[][] allowed = new boolean[Zone.values().length][];
    boolean[] everywhere = new boolean[Zone.values().length];
    for (Zone z : Zone.values()) {
      zones[z.ordinal()] = epoch.zones().get(z);
      DepartementLayer layer = departements.get(z);
      allowed[z.ordinal()] = new boolean[layer == null ? 0 : layer.codes().size()];
      for (int i = 0; i < allowed[z.ordinal()].length; i++) {
        String dep = layer.codes().get(i);
        Generation g = applicable(date, dep.startsWith("97"));
        String region = geography.departement(dep).map(ReferenceGeography.Departement::region).orElse(null);
        allowed[z.ordinal()][i] = g != null && region != null && coveredRegions.getOrDefault(g, Set.of()).contains(region);
      }
      everywhere[z.ordinal()] = allowed[z.ordinal()].length > 0;
      for (boolean a : allowed[z.ordinal()]) {
        everywhere[z.ordinal()] &= a;
      }
    }
    c = new StatusContext(date, zones, allowed, everywhere);
    lastContext = c;
    return c;
  }

  /** {@link #status}: no QPV contains the point, which lies in France where a QPV list applies. */
  public static final int HORS = -1;
  /** {@link #status}: no conclusion (see {@link #locate} for the reason). */
  public static final int INDETERMINE = -2;

  /** A QPV in planar coordinates with its indexes. */
  record PlanarQpv(
      int id,
      Qpv qpv,
      QpvRef ref,
      Zone zone,
      Geometry planar,
      IndexedPointInAreaLocator inside,
      SegmentDistance boundary,
      boolean degenerate) {}

  /** The QPV in force during one epoch, per zone, with their grid. */
  private record Epoch(Map<Zone, ZoneIndex> zones) {}

  /**
   * The QPV of one zone in force during an epoch, their grid and their envelopes (flat); and the
   * cells of the zone's land raster with no QPV within reach ({@code clear}, null without one).
   */
  private record ZoneIndex(List<PlanarQpv> qpv, CellGrid grid, double[] envelopes, LandRaster clear) {
    static ZoneIndex of(List<PlanarQpv> qpv, DepartementLayer layer) {
      double[] env = new double[qpv.size() * 4];
      List<Geometry> geometries = new ArrayList<>();
      for (int i = 0; i < qpv.size(); i++) {
        Geometry g = qpv.get(i).planar();
        geometries.add(g);
        env[4 * i] = g.getEnvelopeInternal().getMinX();
        env[4 * i + 1] = g.getEnvelopeInternal().getMinY();
        env[4 * i + 2] = g.getEnvelopeInternal().getMaxX();
        env[4 * i + 3] = g.getEnvelopeInternal().getMaxY();
      }
      CellGrid grid = CellGrid.build(geometries, QPV_CELL_M, NEAREST_MAX_M, ON_BOUNDARY_M);
      LandRaster clear = layer == null ? null : layer.land().withoutCellsNear(grid, QPV_CELL_M);
      return new ZoneIndex(List.copyOf(qpv), grid, env, clear);
    }

    /** Distance from the point to the envelope of QPV {@code id} (0 inside the envelope). */
    double envelopeDistance(int id, double x, double y) {
      double dx = Math.max(Math.max(envelopes[4 * id] - x, 0), x - envelopes[4 * id + 2]);
      double dy = Math.max(Math.max(envelopes[4 * id + 1] - y, 0), y - envelopes[4 * id + 3]);
      return Math.sqrt(dx * dx + dy * dy);
    }
  }

  private record DepartementLayer(
      List<String> codes,
      List<IndexedPointInAreaLocator> inside,
      List<SegmentDistance> outline,
      CellGrid grid,
      LandRaster land) {}

  public QpvLocator(ReferenceGeography geography) {
    this.geography = geography;
    for (Zone z : Zone.values()) {
      projections.put(z, new ZoneProjection(z));
    }
    for (Qpv q : geography.qpv()) {
      Zone zone = Zone.ofDepartement(q.departement());
      Geometry planar = projections.get(zone).project(q.geometry());
      boolean degenerate = !(planar.getArea() > 0);
      IndexedPointInAreaLocator inside = degenerate ? null : new IndexedPointInAreaLocator(planar);
      SegmentDistance boundary = new SegmentDistance(planar);
      if (inside != null) {
        inside.locate(planar.getCoordinate()); // build the index now, not under concurrent queries
      }
      qpv.add(new PlanarQpv(qpv.size(), q, geography.ref(q), zone, planar, inside, boundary, degenerate));
      idsByCode.putIfAbsent(q.code() + "@" + q.generation().year(), qpv.size() - 1);
      if (q.region() != null) {
        coveredRegions.computeIfAbsent(q.generation(), g -> new HashSet<>()).add(q.region());
      }
      String periodKey = q.generation().year() + (q.overseas() ? "-outre-mer" : "-metropole");
      LocalDate[] period = periods.computeIfAbsent(periodKey, k -> new LocalDate[] {q.validFrom(), q.validTo()});
      if (q.validFrom().isBefore(period[0])) {
        period[0] = q.validFrom();
      }
      if (period[1] != null && (q.validTo() == null || q.validTo().isAfter(period[1]))) {
        period[1] = q.validTo();
      }
      epochStarts.add(q.validFrom());
      if (q.validTo() != null) {
        epochStarts.add(q.validTo().plusDays(1));
      }
    }
    for (Generation g : Generation.values()) {
      geography.version("qpv-" + g.year()).map(DatasetVersion::reference).ifPresent(r -> qpvVersions.put(g, r));
    }
    outlinesVersion =
        geography.version("departements-contours").map(DatasetVersion::reference).orElse(null);
    for (Generation g : Generation.values()) {
      List<String> v = new ArrayList<>(2);
      if (qpvVersions.get(g) != null) {
        v.add(qpvVersions.get(g));
      }
      if (outlinesVersion != null) {
        v.add(outlinesVersion);
      }
      versionLists.put(g, List.copyOf(v));
    }
    buildDepartementLayers();
    checkDomains();
  }

  /**
   * The status fast path skips the inverse projection that checks a point lies in its zone's
   * domain. That is exact only for answers that imply the domain: inside a QPV that lies in the
   * domain, or in a département whose outline (with the 2 km coast tolerance) lies in the domain.
   * Checked here on the imported data: per QPV (those of Polynesia, 987, are not in any zone's
   * domain and are never answered by the fast path), and per zone for the outlines.
   */
  private void checkDomains() {
    qpvInDomain = new boolean[qpv.size()];
    double qpvMargin = 0.001; // degrees: the 5 cm of "on the boundary", and more
    double outlineMargin = 0.04; // 2 km: at most 0.029 degree of longitude at 51.3 N
    for (PlanarQpv q : qpv) {
      qpvInDomain[q.id()] = inside(q.zone(), q.qpv().geometry().getEnvelopeInternal(), qpvMargin);
    }
    Map<Zone, Boolean> holds = new EnumMap<>(Zone.class);
    for (ReferenceGeography.DepartementOutline o : geography.departementOutlines()) {
      Zone z = Zone.ofDepartement(o.code());
      holds.merge(z, inside(z, o.geometry().getEnvelopeInternal(), outlineMargin), Boolean::logicalAnd);
    }
    for (Zone z : Zone.values()) {
      if (holds.getOrDefault(z, true)) {
        domainHoldsData.add(z);
      }
    }
  }

  private static boolean inside(Zone zone, org.locationtech.jts.geom.Envelope e, double margin) {
    return zone.containsLonLat(e.getMinX() - margin, e.getMinY() - margin)
        && zone.containsLonLat(e.getMaxX() + margin, e.getMaxY() + margin);
  }

  /**
   * The status alone of a point given in its zone's projected system, without the message,
   * distances and versions of {@link #locate}, for bulk imports: {@link #HORS}, {@link
   * #INDETERMINE}, or the id of the QPV that contains it (its code is {@link #qpvCode}). Always
   * the same status and QPV as {@link #locate}: the common cases are answered from the grids, the
   * others (overlapping contours, points abroad, Saint-Martin) through {@link #locate} itself.
   */
  public int status(int epsg, double x, double y, LocalDate date) {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return INDETERMINE;
    }
    Zone zone = Zone.ofEpsg(epsg);
    if (zone == null || epsg == Coordinates.WGS84) {
      return statusOf(locate(new Coordinates(x, y, epsg), date));
    }
    if (!domainHoldsData.contains(zone)) {
      return statusOf(locate(new Coordinates(x, y, epsg), date));
    }
    StatusContext context = context(date);
    ZoneIndex index = context.zones()[zone.ordinal()];
    PlanarQpv onBoundary = null;
    double onBoundaryDistance = Double.POSITIVE_INFINITY;
    boolean degenerateNearby = false;
    if (index != null) {
      if (index.clear() != null && context.horsEverywhere()[zone.ordinal()] && index.clear().sure(x, y)) {
        return HORS; // no QPV within reach (the grid's cell is absent), some département holds it
      }
      int entry = index.grid().entry(x, y);
      int covering = index.grid().covering(entry);
      if (covering >= 0) {
        int id = index.qpv().get(covering).id();
        return qpvInDomain[id] ? id : statusOf(locate(new Coordinates(x, y, epsg), date));
      }
      int[] candidates = index.grid().near(entry); // the others are out of reach of every rule here
      for (int k = 0; k < candidates.length; k++) {
        int id = candidates[k];
        PlanarQpv q = index.qpv().get(id);
        if (q.degenerate()) {
          degenerateNearby |= q.boundary().distance(x, y) <= NEAREST_MAX_M;
          continue;
        }
        double lowerBound = index.envelopeDistance(id, x, y);
        if (lowerBound == 0) {
          // boundary().covers answers as inside().locate(...) != EXTERIOR, without allocating.
          if (q.boundary().covers(x, y)) {
            // The answer, unless another contour holds the point too (then the smallest code
            // is, see insideOneOrMore) or the QPV is out of its zone's domain: both rare, both
            // left to the full answer.
            boolean alone = qpvInDomain[q.id()];
            for (int j = k + 1; j < candidates.length && alone; j++) {
              PlanarQpv other = index.qpv().get(candidates[j]);
              alone = other.degenerate() || index.envelopeDistance(candidates[j], x, y) > 0
                  || !other.boundary().covers(x, y);
            }
            return alone ? q.id() : statusOf(locate(new Coordinates(x, y, epsg), date));
          }
        }
        if (lowerBound <= ON_BOUNDARY_M) {
          double d = q.boundary().distance(x, y);
          if (d < onBoundaryDistance) {
            onBoundaryDistance = d;
            onBoundary = q;
          }
        }
      }
    }
    if (onBoundary != null && onBoundaryDistance <= ON_BOUNDARY_M) {
      return qpvInDomain[onBoundary.id()] ? onBoundary.id() : statusOf(locate(new Coordinates(x, y, epsg), date));
    }
    DepartementLayer layer = departements.get(zone);
    if (layer != null && !degenerateNearby && context.horsEverywhere()[zone.ordinal()] && layer.land().sure(x, y)) {
      return HORS; // some département holds the point, and every one of the zone allows HORS_QPV
    }
    int dep = layer == null ? -1 : departementIndex(layer, x, y);
    if (dep < 0) {
      return statusOf(locate(new Coordinates(x, y, epsg), date)); // abroad, or Saint-Martin
    }
    if (!context.horsAllowed()[zone.ordinal()][dep] || degenerateNearby) {
      return INDETERMINE;
    }
    return HORS;
  }

  /**
   * Whether a point given in a coordinate system can be placed at all: a supported system and, for
   * a projected one, coordinates inside its domain. Where it cannot, {@link #locate} answers
   * INDETERMINE whatever the QPV ("non pris en charge", "hors du domaine", "hors de France").
   */
  public boolean placeable(int epsg, double x, double y) {
    return place(new Coordinates(x, y, epsg)).problem() == null;
  }

  /** The code of the QPV whose id {@link #status} returned. */
  public String qpvCode(int id) {
    return qpv.get(id).qpv().code();
  }

  private int statusOf(Localisation l) {
    return switch (l.statut()) {
      case DANS_QPV -> idsByCode.get(l.qpv().code() + "@" + l.generation());
      case HORS_QPV -> HORS;
      default -> INDETERMINE;
    };
  }

  private void buildDepartementLayers() {
    Map<Zone, List<ReferenceGeography.DepartementOutline>> byZone = new EnumMap<>(Zone.class);
    for (ReferenceGeography.DepartementOutline o : geography.departementOutlines()) {
      byZone.computeIfAbsent(Zone.ofDepartement(o.code()), z -> new ArrayList<>()).add(o);
    }
    byZone.forEach(
        (zone, outlines) -> {
          List<String> codes = new ArrayList<>();
          List<Geometry> planar = new ArrayList<>();
          List<IndexedPointInAreaLocator> inside = new ArrayList<>();
          List<SegmentDistance> outline = new ArrayList<>();
          for (ReferenceGeography.DepartementOutline o : outlines) {
            Geometry p = projections.get(zone).project(o.geometry());
            codes.add(o.code());
            planar.add(p);
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(p);
            locator.locate(p.getCoordinate());
            inside.add(locator);
            outline.add(new SegmentDistance(p));
          }
          CellGrid grid = CellGrid.build(planar, DEPARTEMENT_CELL_M, COAST_TOLERANCE_M);
          Envelope extent = new Envelope();
          planar.forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
          departements.put(zone, new DepartementLayer(codes, inside, outline, grid,
              LandRaster.build(extent, grid, DEPARTEMENT_CELL_M, COAST_TOLERANCE_M, inside)));
        });
  }

  /** The snapshot this locator was built from. */
  public ReferenceGeography geography() {
    return geography;
  }

  /**
   * Locates a point at a date.
   *
   * @param point coordinates in WGS84 (4326), Lambert-93 (2154) or an overseas system (2975, 5490,
   *     2972, 4471)
   * @param date the date the answer applies to
   */
  public Localisation locate(Coordinates point, LocalDate date) {
    Placement p = place(point);
    if (p.problem() != null) {
      return undetermined(p.problem(), date, Double.isNaN(p.lon()) ? null : p.lon(), Double.isNaN(p.lat()) ? null : p.lat());
    }
    return locatePlanar(p.zone(), p.x(), p.y(), round(p.lon()), round(p.lat()), date);
  }

  /**
   * Where a point falls before any QPV test: its zone, its planar coordinates in that zone's system
   * and its longitude/latitude; or why it cannot be placed ({@code problem}, with the rounded
   * longitude/latitude to show when known, NaN otherwise).
   */
  private record Placement(Zone zone, double x, double y, double lon, double lat, String problem) {
    static Placement cannot(String problem, double lon, double lat) {
      return new Placement(null, Double.NaN, Double.NaN, lon, lat, problem);
    }
  }

  private Placement place(Coordinates point) {
    double x = point.x();
    double y = point.y();
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return Placement.cannot("Coordonnées invalides (valeur non finie).", Double.NaN, Double.NaN);
    }
    double[] converted = new double[2];
    if (point.epsg() == Coordinates.WGS84) {
      if (x < -180 || x > 180 || y < -90 || y > 90) {
        return Placement.cannot(
            "Coordonnées invalides : longitude entre -180 et 180, latitude entre -90 et 90 attendues"
                + swapHint(x, y), Double.NaN, Double.NaN);
      }
      Zone zone = Zone.ofLonLat(x, y);
      if (zone == null) {
        return Placement.cannot(
            "Point hors de France (métropole et départements d'outre-mer)" + swapHint(x, y) + ".", round(x), round(y));
      }
      projections.get(zone).toProjected(x, y, converted);
      return new Placement(zone, converted[0], converted[1], x, y, null);
    }
    Zone zone = Zone.ofEpsg(point.epsg());
    if (zone == null) {
      return Placement.cannot(
          "Système de coordonnées EPSG:" + point.epsg() + " non pris en charge (4326, 2154, 2975, 5490, 2972, 4471).",
          Double.NaN, Double.NaN);
    }
    projections.get(zone).toLonLat(x, y, converted);
    if (!Double.isFinite(converted[0]) || !zone.containsLonLat(converted[0], converted[1])) {
      return Placement.cannot(
          "Coordonnées hors du domaine de EPSG:" + zone.epsg() + " : point hors de France ou système de coordonnées erroné.",
          Double.NaN, Double.NaN);
    }
    return new Placement(zone, x, y, converted[0], converted[1], null);
  }

  private Localisation locatePlanar(Zone zone, double x, double y, double lon, double lat, LocalDate date) {
    ZoneIndex index = epoch(date).zones().get(zone);
    Coordinate c = null;
    PlanarQpv nearest = null;
    double nearestDistance = Double.POSITIVE_INFINITY;
    PlanarQpv degenerateNearby = null;
    if (index != null) {
      int entry = index.grid().entry(x, y);
      int covering = index.grid().covering(entry);
      if (covering >= 0) {
        PlanarQpv q = index.qpv().get(covering);
        return inside(q, q.boundary().distance(x, y), date, lon, lat);
      }
      for (int id : index.grid().candidates(entry)) {
        PlanarQpv q = index.qpv().get(id);
        if (q.degenerate()) {
          if (q.boundary().distance(x, y) <= NEAREST_MAX_M) {
            degenerateNearby = q;
          }
          continue;
        }
        // A point outside a QPV's envelope is outside the QPV, and no nearer than the envelope.
        double lowerBound = index.envelopeDistance(id, x, y);
        if (lowerBound > 0 && lowerBound >= Math.min(nearestDistance, NEAREST_MAX_M)) {
          continue;
        }
        if (lowerBound == 0) {
          if (c == null) {
            c = new Coordinate(x, y);
          }
          int location = q.inside().locate(c);
          if (location != Location.EXTERIOR) {
            return insideOneOrMore(index, entry, q, location, c, date, lon, lat);
          }
        }
        double d = q.boundary().distance(x, y);
        if (d < nearestDistance) {
          nearestDistance = d;
          nearest = q;
        }
      }
    }
    if (nearest != null && nearestDistance <= ON_BOUNDARY_M) {
      return inside(nearest, 0, date, lon, lat);
    }
    String dep = departement(zone, x, y);
    if (dep == null && nearest != null && nearestDistance <= NEAREST_MAX_M) {
      // No outline here (Saint-Martin has QPV but no département outline): the nearest QPV's place.
      dep = nearest.qpv().departement();
    }
    if (dep == null) {
      return undetermined("Point hors de France (métropole et départements d'outre-mer).", date, lon, lat);
    }
    boolean overseas = dep.startsWith("97");
    Generation generation = applicable(date, overseas);
    if (generation == null) {
      return undetermined(
          "Aucune liste de QPV en vigueur au " + FRENCH_DATE.format(date) + " (les QPV existent depuis le 1er janvier 2015).",
          date,
          lon,
          lat);
    }
    final String depCode = dep;
    var departement = geography.departement(dep);
    String region = departement.map(ReferenceGeography.Departement::region).orElse(null);
    if (region == null || !coveredRegions.getOrDefault(generation, Set.of()).contains(region)) {
      return undetermined(
          "La liste des QPV "
              + generation.year()
              + " en vigueur au "
              + FRENCH_DATE.format(date)
              + " n'est pas importée pour "
              + departement.map(d -> d.nom() + " (" + d.code() + ")").orElse("le département " + depCode)
              + " : impossible de conclure.",
          date,
          lon,
          lat);
    }
    if (degenerateNearby != null) {
      return undetermined(
          "Le contour du QPV "
              + degenerateNearby.qpv().code()
              + " ("
              + degenerateNearby.qpv().nom()
              + "), à moins de 1 km, est inexploitable dans les données importées (contour dégénéré) : impossible de conclure.",
          date,
          lon,
          lat);
    }
    boolean withinReach = nearest != null && nearestDistance <= NEAREST_MAX_M;
    return new Localisation(
        QpvStatus.HORS_QPV,
        null,
        date,
        lon,
        lat,
        null,
        withinReach ? roundMetres(nearestDistance) : null,
        withinReach ? nearest.ref() : null,
        null,
        generation.year(),
        versions(generation));
  }

  /**
   * Some imported contours overlap (e.g. two QPV of Koungou, Mayotte, in the simplified national
   * file). The answer must not depend on index order: the QPV with the smallest code is given, and
   * the others are named in the message.
   */
  private Localisation insideOneOrMore(
      ZoneIndex index, int entry, PlanarQpv first, int location, Coordinate c, LocalDate date, double lon, double lat) {
    PlanarQpv chosen = first;
    int chosenLocation = location;
    List<String> others = new ArrayList<>();
    for (int id : index.grid().candidates(entry)) {
      PlanarQpv q = index.qpv().get(id);
      if (q == first || q.degenerate() || index.envelopeDistance(id, c.x, c.y) > 0) {
        continue;
      }
      int l = q.inside().locate(c);
      if (l == Location.EXTERIOR) {
        continue;
      }
      if (q.qpv().code().compareTo(chosen.qpv().code()) < 0) {
        others.add(chosen.qpv().code());
        chosen = q;
        chosenLocation = l;
      } else {
        others.add(q.qpv().code());
      }
    }
    double distance = chosenLocation == Location.BOUNDARY ? 0 : chosen.boundary().distance(c.x, c.y);
    Localisation answer = inside(chosen, distance, date, lon, lat);
    if (others.isEmpty()) {
      return answer;
    }
    java.util.Collections.sort(others);
    return new Localisation(
        answer.statut(),
        "Le point est aussi dans " + String.join(", ", others) + " (contours qui se chevauchent dans les données importées).",
        answer.date(),
        answer.lon(),
        answer.lat(),
        answer.qpv(),
        answer.distanceLimiteM(),
        null,
        answer.territoire(),
        answer.generation(),
        answer.versions());
  }

  private Localisation inside(PlanarQpv q, double distance, LocalDate date, double lon, double lat) {
    List<String> territories = q.ref().territoires();
    return new Localisation(
        QpvStatus.DANS_QPV,
        null,
        date,
        lon,
        lat,
        q.ref(),
        roundMetres(distance),
        null,
        territories.isEmpty() ? null : territories.get(0),
        q.qpv().generation().year(),
        versions(q.qpv().generation()));
  }

  private List<String> versions(Generation g) {
    return versionLists.get(g);
  }

  /** The cells of a zone's land raster with no QPV within reach at a date, or null (for tests). */
  LandRaster clear(Zone zone, LocalDate date) {
    ZoneIndex index = epoch(date).zones().get(zone);
    return index == null ? null : index.clear();
  }

  /** The land raster of a zone's département layer, or null (for tests). */
  LandRaster land(Zone zone) {
    DepartementLayer layer = departements.get(zone);
    return layer == null ? null : layer.land();
  }

  /** The département code the département test gives a point, or null. */
  String departement(Zone zone, double x, double y) {
    DepartementLayer layer = departements.get(zone);
    int id = layer == null ? -1 : departementIndex(layer, x, y);
    return id < 0 ? null : layer.codes().get(id);
  }

  /** Index in the layer of the département holding the point (2 km coast tolerance), or -1. */
  private static int departementIndex(DepartementLayer layer, double x, double y) {
    int entry = layer.grid().entry(x, y);
    int covering = layer.grid().covering(entry);
    if (covering >= 0) {
      return covering;
    }
    int[] candidates = layer.grid().candidates(entry);
    if (candidates.length == 0) {
      return -1;
    }
    Coordinate c = new Coordinate(x, y);
    for (int id : candidates) {
      if (layer.inside().get(id).locate(c) != Location.EXTERIOR) {
        return id;
      }
    }
    int best = -1;
    double bestDistance = COAST_TOLERANCE_M;
    for (int id : candidates) {
      double d = layer.outline().get(id).distance(x, y);
      if (d <= bestDistance) {
        bestDistance = d;
        best = id;
      }
    }
    return best;
  }

  /**
   * The generation whose list is in force at the date, in metropolitan France or overseas: the
   * period imported for that generation (which {@code --valide-du}/{@code --valide-au} may have
   * changed), or the generation's default period when it is not imported.
   */
  Generation applicable(LocalDate date, boolean overseas) {
    for (Generation g : Generation.values()) {
      LocalDate[] period = periods.get(g.year() + (overseas ? "-outre-mer" : "-metropole"));
      LocalDate from = period != null ? period[0] : g.validFrom(overseas);
      LocalDate to = period != null ? period[1] : g.validTo(overseas);
      if (!date.isBefore(from) && (to == null || !date.isAfter(to))) {
        return g;
      }
    }
    return null;
  }

  private Epoch epoch(LocalDate date) {
    LocalDate start = epochStarts.floor(date);
    if (start == null) {
      start = LocalDate.MIN;
    }
    return epochs.computeIfAbsent(start, s -> buildEpoch(date));
  }

  private Epoch buildEpoch(LocalDate date) {
    Map<Zone, List<PlanarQpv>> byZone = new EnumMap<>(Zone.class);
    for (PlanarQpv q : qpv) {
      if (q.qpv().inForce(date)) {
        byZone.computeIfAbsent(q.zone(), z -> new ArrayList<>()).add(q);
      }
    }
    Map<Zone, ZoneIndex> zones = new HashMap<>();
    byZone.forEach((zone, list) -> zones.put(zone, ZoneIndex.of(list, departements.get(zone))));
    return new Epoch(Map.copyOf(zones));
  }

  /** Builds the index of the epoch holding the date now rather than on the first query. */
  public void warmUp(LocalDate date) {
    epoch(date);
  }

  private static Localisation undetermined(String reason, LocalDate date, Double lon, Double lat) {
    return Localisation.undetermined(reason, date, lon, lat);
  }

  private static String swapHint(double x, double y) {
    return Zone.ofLonLat(y, x) != null ? " (longitude et latitude inversées ?)" : "";
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }

  private static double roundMetres(double m) {
    return Math.round(m * 10) / 10.0;
  }
}
