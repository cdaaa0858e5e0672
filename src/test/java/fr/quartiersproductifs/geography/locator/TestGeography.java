package fr.quartiersproductifs.geography.locator;

import fr.quartiersproductifs.geography.Generation;
import fr.quartiersproductifs.geography.Qpv;
import fr.quartiersproductifs.geography.QpvCode;
import fr.quartiersproductifs.geography.QpvRef;
import fr.quartiersproductifs.geography.ReferenceGeography;
import fr.quartiersproductifs.geography.io.GeoJsonFeatureReader;
import fr.quartiersproductifs.geography.io.GeometryRepair;
import fr.quartiersproductifs.support.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real QPV and département outlines of ../shared/data read straight from the files, without a
 * database, for pure locator tests and benchmarks.
 */
public final class TestGeography {
  private static ReferenceGeography cached;

  private TestGeography() {}

  public static synchronized ReferenceGeography load() {
    if (cached == null) {
      try {
        cached = read();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return cached;
  }

  private static ReferenceGeography read() throws IOException {
    List<ReferenceGeography.Departement> departements = new ArrayList<>();
    for (JsonNode n : JsonMapper.builder().build().readTree(SharedData.file("reference/cog/departements.json").toFile())) {
      departements.add(
          new ReferenceGeography.Departement(
              n.get("code").asString(), n.get("nom").asString(), n.get("region").asString(), n.path("zone").asString("metro")));
    }
    Map<String, String> regionOf = new java.util.HashMap<>();
    departements.forEach(d -> regionOf.put(d.code(), d.region()));
    List<Qpv> qpv = new ArrayList<>();
    readQpv(SharedData.file("reference/qpv/qpv2024_contours_simplifies.geojson"), Generation.G2024, regionOf, qpv);
    readQpv(SharedData.file("reference/qpv/qpv2015_occitanie_contours.geojson"), Generation.G2015, regionOf, qpv);
    List<ReferenceGeography.DepartementOutline> outlines = new ArrayList<>();
    GeoJsonFeatureReader.read(
        SharedData.file("reference/cog/departements_contours_simplifies.geojson"),
        f -> outlines.add(new ReferenceGeography.DepartementOutline(f.text("code"), GeometryRepair.repairArea(f.geometry()).geometry())));
    return new ReferenceGeography(List.of(), departements, List.of(), qpv, List.of(), Map.of(), outlines, List.of());
  }

  private static void readQpv(Path file, Generation g, Map<String, String> regionOf, List<Qpv> out) throws IOException {
    GeoJsonFeatureReader.read(
        file,
        f -> {
          QpvCode code = QpvCode.of(f.text("code_qp"));
          boolean anct = f.properties().has("lib_qp");
          String dep = anct ? f.text("insee_dep") : f.text("code_departement");
          String commune = anct ? f.text("insee_com") : f.text("code_commune");
          boolean overseas = dep.startsWith("97");
          out.add(
              new Qpv(
                  code.value(),
                  anct ? f.text("lib_qp") : f.text("nom_qp"),
                  g,
                  List.of(new QpvRef.CommuneRef(commune, anct ? f.text("lib_com") : f.text("nom_commune"))),
                  dep,
                  regionOf.get(dep),
                  List.of(),
                  null,
                  Map.of(),
                  List.of(),
                  g.validFrom(overseas),
                  g.validTo(overseas),
                  GeometryRepair.repairArea(f.geometry()).geometry(),
                  0));
        });
  }
}
