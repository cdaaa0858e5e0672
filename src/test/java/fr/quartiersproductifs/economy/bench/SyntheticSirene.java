package fr.quartiersproductifs.economy.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Generates <b>SYNTHETIC</b> national-scale SIRENE files in INSEE's two official layouts, for
 * benchmarks only: {@code StockEtablissement_SYNTHETIQUE.csv} (comma, the 48 columns of the v3
 * stock) and {@code GeolocalisationEtablissement_SYNTHETIQUE.csv} (semicolon, 19 columns), the
 * latter with ~3 % of the establishments missing. Two orders: {@code insee} (the default), both
 * files sorted by SIRET as INSEE publishes its stock (SIREN, then NIC); {@code melange}, the stock
 * in an order unrelated to the SIRET and the geolocation file in yet another (a fixed
 * permutation), the worst case for the join. Every sign reads {@code SYNTHETIQUE} and every street {@code RUE
 * SYNTHETIQUE}: no real business is described.
 *
 * <p>Distributions (approximations of the national stock, stated in docs/benchmarks/economy.md):
 * communes weighted by population (real COG codes, Marseille/Lyon/Paris arrondissements), 42 %
 * active, 6 % partial diffusion, NAF sections weighted like the national stock, creation years
 * skewed to recent years, qualite_xy 11 (75 %), 12 (8 %), 21 (5 %), 22 (4 %), 33 (8 %); points
 * drawn inside the real département outline, or for 12 % of the establishments of a commune with
 * QPV inside one of its QPV; coordinates in Lambert-93 or the overseas EPSG codes.
 *
 * <p>Usage: {@code SyntheticSirene DATA_DIR OUT_DIR ROWS [SEED [insee|melange]]}.
 */
public final class SyntheticSirene {
  public static final String STOCK_HEADER =
      "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,libellePaysEtrangerEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,codePostal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,denominationUsuelleEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement";
  public static final String GEO_HEADER =
      "siret;x;y;qualite_xy;epsg;plg_qp24;plg_iris;plg_zus;plg_qp15;plg_qva;plg_code_commune;distance_precision;qualite_qp24;qualite_iris;qualite_zus;qualite_qp15;qualite_qva;y_latitude;x_longitude";

  /** Approximate shares of NAF sections in the national stock (per mille). */
  private static final String SECTION_WEIGHTS =
      "A:60,B:2,C:45,D:8,E:4,F:95,G:170,H:35,I:60,J:35,K:45,L:110,M:120,N:60,O:10,P:30,Q:60,R:25,S:75";

  private record Commune(String code, String nom, String postcode, String dep, int weight) {}

  private record Place(double lon, double lat, String qpv) {}

  private final List<Commune> communes = new ArrayList<>();
  private long[] cumulative;
  private final Map<String, List<Place>> depPoints = new HashMap<>();
  private final Map<String, List<Place>> qpvPointsByCommune = new HashMap<>();
  private final Map<String, List<String>> nafBySection = new HashMap<>();
  private String[] sectionPick;
  private final Map<String, CoordinateTransform> transforms = new HashMap<>();

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: SyntheticSirene DATA_DIR OUT_DIR ROWS [SEED [insee|melange]]");
      System.exit(2);
    }
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    String order = args.length > 4 ? args[4] : "insee";
    if (!order.equals("insee") && !order.equals("melange")) {
      System.err.println("order: insee or melange");
      System.exit(2);
    }
    SyntheticSirene g = new SyntheticSirene(Path.of(args[0]), seed);
    long t0 = System.nanoTime();
    g.write(Path.of(args[1]), Long.parseLong(args[2]), seed, order.equals("insee"));
    System.err.printf(Locale.ROOT, "generated %s rows in %.1f s%n", args[2], (System.nanoTime() - t0) / 1e9);
  }

  public SyntheticSirene(Path dataDir, long seed) throws IOException {
    ObjectMapper json = new ObjectMapper();
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, String> parentOf = new HashMap<>();
    for (JsonNode c : json.readTree(dataDir.resolve("reference/cog/communes.json").toFile())) {
      String type = c.path("type").asString();
      if (type.equals("arrondissement-municipal")) {
        parentOf.put(c.path("code").asString(), c.path("commune").asString());
      } else if (!type.equals("commune-actuelle")) {
        continue;
      }
      int pop = c.path("population").asInt(0);
      if (pop <= 0 || c.path("code").asString().equals("13055")
          || c.path("code").asString().equals("69123") || c.path("code").asString().equals("75056")) {
        continue; // the arrondissements carry the establishments of Paris, Lyon and Marseille
      }
      JsonNode pcs = c.path("codesPostaux");
      communes.add(new Commune(c.path("code").asString(), c.path("nom").asString(),
          pcs.size() > 0 ? pcs.get(0).asString() : "", c.path("departement").asString(), pop));
    }
    cumulative = new long[communes.size()];
    long sum = 0;
    for (int i = 0; i < communes.size(); i++) {
      sum += communes.get(i).weight() + 20; // small communes still have a farm or a craftsman
      cumulative[i] = sum;
    }
    GeoJsonReader geo = new GeoJsonReader(new GeometryFactory());
    for (JsonNode f : json.readTree(dataDir.resolve("reference/cog/departements_contours_simplifies.geojson").toFile()).path("features")) {
      depPoints.put(f.path("properties").path("code").asString(), sample(geo, f.path("geometry"), 300, rnd, null));
    }
    for (JsonNode f : json.readTree(dataDir.resolve("reference/qpv/qpv2024_contours_simplifies.geojson").toFile()).path("features")) {
      String code = f.path("properties").path("code_qp").asString();
      String com = f.path("properties").path("insee_com").asString();
      qpvPointsByCommune.computeIfAbsent(com, k -> new ArrayList<>()).addAll(sample(geo, f.path("geometry"), 40, rnd, code));
    }
    // Arrondissements share the QPV points of their commune.
    parentOf.forEach((arr, parent) -> {
      if (qpvPointsByCommune.containsKey(parent)) {
        qpvPointsByCommune.put(arr, qpvPointsByCommune.get(parent));
      }
    });
    for (JsonNode n : json.readTree(dataDir.resolve("reference/naf/naf_rev2.json").toFile())) {
      String id = n.path("id").asString();
      if (id.matches("\\d\\d\\.\\d\\d[A-Z]")) {
        nafBySection.computeIfAbsent(section(Integer.parseInt(id.substring(0, 2))), k -> new ArrayList<>()).add(id);
      }
    }
    List<String> pick = new ArrayList<>();
    for (String sw : SECTION_WEIGHTS.split(",")) {
      String[] p = sw.split(":");
      for (int k = 0; k < Integer.parseInt(p[1]); k++) {
        pick.add(p[0]);
      }
    }
    sectionPick = pick.toArray(String[]::new);
    CRSFactory crs = new CRSFactory();
    CoordinateTransformFactory ctf = new CoordinateTransformFactory();
    for (String epsg : new String[] {"2154", "5490", "2972", "2975", "4471"}) {
      transforms.put(epsg, ctf.createTransform(crs.createFromName("EPSG:4326"), crs.createFromName("EPSG:" + epsg)));
    }
  }

  private static String section(int division) {
    int[] from = {1, 5, 10, 35, 36, 41, 45, 49, 55, 58, 64, 68, 69, 77, 84, 85, 86, 90, 94, 97, 99};
    String codes = "ABCDEFGHIJKLMNOPQRSTU";
    for (int i = from.length - 1; i >= 0; i--) {
      if (division >= from[i]) {
        return codes.substring(i, i + 1);
      }
    }
    return "A";
  }

  private static List<Place> sample(GeoJsonReader reader, JsonNode geometry, int n, SplittableRandom rnd, String qpv) {
    List<Place> out = new ArrayList<>();
    try {
      Geometry g = reader.read(geometry.toString());
      PreparedGeometry pg = PreparedGeometryFactory.prepare(g);
      Envelope e = g.getEnvelopeInternal();
      GeometryFactory gf = g.getFactory();
      int attempts = 0;
      while (out.size() < n && attempts++ < n * 200) {
        double lon = e.getMinX() + rnd.nextDouble() * e.getWidth();
        double lat = e.getMinY() + rnd.nextDouble() * e.getHeight();
        if (pg.contains(gf.createPoint(new Coordinate(lon, lat)))) {
          out.add(new Place(lon, lat, qpv));
        }
      }
    } catch (org.locationtech.jts.io.ParseException ex) {
      throw new IllegalStateException(ex);
    }
    return out;
  }

  private static String epsgOf(String dep) {
    return switch (dep) {
      case "971", "972", "977", "978" -> "5490"; // Saint-Barthélemy and Saint-Martin too
      case "973" -> "2972";
      case "974" -> "2975";
      case "976" -> "4471";
      default -> "2154";
    };
  }

  /** Everything about establishment i, derived from (seed, i) only, so both files agree. */
  private final class Row {
    long siren;
    int nic;
    Commune commune;
    boolean active;
    boolean partial;
    int creationYear;
    int creationMonth;
    int debutYear;
    String naf;
    boolean rev2;
    boolean employer;
    boolean hasGeo;
    boolean hasPoint;
    int quality;
    Place place;
    String plg;

    void make(long seed, long i, long rows, boolean sorted) {
      SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
      // Two establishments per SIREN. Sorted: SIRENs spread evenly over [1e8, 1e9) in increasing
      // order. Otherwise a multiply-mod scatters the SIRENs (unique for fewer than 1e8 groups).
      long group = i / 2;
      siren = sorted ? 100_000_000L + group * 900_000_000L / ((rows + 1) / 2)
          : 100_000_000L + Math.floorMod(group * 387_420_489L + 12345L, 900_000_000L);
      nic = 10 + (int) (i % 2) * 17;
      long target = (long) (r.nextDouble() * cumulative[cumulative.length - 1]);
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] <= target) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      commune = communes.get(lo);
      active = r.nextDouble() < 0.42;
      partial = r.nextDouble() < 0.06;
      int age = (int) Math.min(120, -Math.log(1 - r.nextDouble()) * 12);
      creationYear = 2025 - age;
      creationMonth = 1 + r.nextInt(12);
      debutYear = active ? creationYear + r.nextInt(Math.max(1, 2025 - creationYear + 1))
          : Math.min(2025, creationYear + r.nextInt(Math.max(1, 2026 - creationYear)));
      String sec = sectionPick[r.nextInt(sectionPick.length)];
      List<String> list = nafBySection.get(sec);
      naf = list.get(r.nextInt(list.size()));
      rev2 = active || creationYear >= 2008 || r.nextDouble() < 0.8;
      if (!rev2) {
        naf = naf.substring(0, 4) + (char) ('A' + r.nextInt(8)); // NAFRev1-like code
      }
      employer = active && r.nextDouble() < 0.22;
      hasGeo = r.nextDouble() < 0.97;
      hasPoint = r.nextDouble() < 0.99;
      double q = r.nextDouble();
      quality = q < 0.75 ? 11 : q < 0.83 ? 12 : q < 0.88 ? 21 : q < 0.92 ? 22 : 33;
      List<Place> qpv = qpvPointsByCommune.get(commune.code());
      List<Place> dep = depPoints.get(commune.dep());
      if (qpv != null && !qpv.isEmpty() && r.nextDouble() < 0.12) {
        place = qpv.get(r.nextInt(qpv.size()));
      } else if (dep != null && !dep.isEmpty()) {
        place = dep.get(r.nextInt(dep.size()));
      } else {
        place = null;
        hasPoint = false;
      }
      plg = qpv == null ? "CSZ" : place != null && place.qpv() != null ? (r.nextDouble() < 0.02 ? "HZ" : place.qpv()) : "HZ";
    }
  }

  public void write(Path outDir, long rows, long seed, boolean sorted) throws IOException {
    Files.createDirectories(outDir);
    Row row = new Row();
    StringBuilder sb = new StringBuilder(512);
    try (Writer w = writer(outDir.resolve("StockEtablissement_SYNTHETIQUE.csv"))) {
      w.write(STOCK_HEADER);
      w.write('\n');
      for (long i = 0; i < rows; i++) {
        row.make(seed, i, rows, sorted);
        sb.setLength(0);
        String siren = Long.toString(row.siren);
        String nic = String.format(Locale.ROOT, "%05d", row.nic);
        sb.append(siren).append(',').append(nic).append(',').append(siren).append(nic).append(',')
            .append(row.partial ? 'P' : 'O').append(',')
            .append(row.creationYear).append('-').append(row.creationMonth < 10 ? "0" : "").append(row.creationMonth).append("-01,")
            .append(row.employer ? "03,2022" : "NN,").append(',')
            .append(row.naf.startsWith("43") && row.active ? row.naf + "A" : "").append(',')
            .append("2024-03-15T10:22:11.000,").append(row.nic == 10 ? "true" : "false").append(",2,,")
            .append(1 + (i % 120)).append(",,RUE,SYNTHETIQUE ").append(i % 997).append(',')
            .append(row.commune.postcode()).append(',').append(row.commune.nom().toUpperCase(Locale.ROOT).replace(',', ' '))
            .append(",,,").append(row.commune.code()).append(",,,,,,,,,,,,,,,,,,,")
            .append(row.debutYear).append("-01-01,").append(row.active ? 'A' : 'F').append(',')
            .append(i % 3 == 0 ? "SYNTHETIQUE " + (i % 10_000) : "").append(",,,,")
            .append(row.naf).append(',').append(row.rev2 ? "NAFRev2" : "NAFRev1").append(',')
            .append(row.employer ? 'O' : 'N').append('\n');
        w.append(sb);
      }
    }
    // The geolocation file in the stock's order, or in another: a fixed permutation of the indexes.
    long step = sorted ? 1 : 0x9E3779B1L % rows;
    while (gcd(step, rows) != 1) {
      step++;
    }
    ProjCoordinate src = new ProjCoordinate();
    ProjCoordinate dst = new ProjCoordinate();
    try (Writer w = writer(outDir.resolve("GeolocalisationEtablissement_SYNTHETIQUE.csv"))) {
      w.write(GEO_HEADER);
      w.write('\n');
      for (long k = 0; k < rows; k++) {
        long i = sorted ? k : Math.floorMod(k * step + 7, rows);
        row.make(seed, i, rows, sorted);
        if (!row.hasGeo) {
          continue;
        }
        sb.setLength(0);
        sb.append(row.siren).append(String.format(Locale.ROOT, "%05d", row.nic)).append(';');
        if (row.hasPoint && row.place != null) {
          String epsg = epsgOf(row.commune.dep());
          src.x = row.place.lon();
          src.y = row.place.lat();
          transforms.get(epsg).transform(src, dst);
          sb.append(String.format(Locale.ROOT, "%.1f;%.1f;%d;%s;%s", dst.x, dst.y, row.quality, epsg, row.plg));
          sb.append(";;;;;").append(row.commune.code()).append(";;;;;;;")
              .append(String.format(Locale.ROOT, "%.6f;%.6f", row.place.lat(), row.place.lon()));
        } else {
          sb.append(";;;;;;;;;").append(row.commune.code()).append(";;;;;;;;");
        }
        sb.append('\n');
        w.append(sb);
      }
    }
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static Writer writer(Path p) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 20);
  }
}
