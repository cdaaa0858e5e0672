package fr.quartiersproductifs.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.geocoding.index.AddressStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building aside, atomic activation, replacement of a commune or a département (tiny own fixtures). */
class AddressStoreTest {
  static final String HEADER =
      "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;"
          + "nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;"
          + "source_position;source_nom;certification_commune;cad_parcelles\n";

  @TempDir Path tmp;

  static String row(String id, String num, String rep, String voie, String cp, String insee, String commune, String lon, String lat) {
    return id + ";;" + num + ";" + rep + ";" + voie + ";" + cp + ";" + insee + ";" + commune + ";;;0;0;" + lon + ";" + lat + ";entrée;;;;;;;;\n";
  }

  Path file(String name, String content, boolean gzip) throws IOException {
    Path f = tmp.resolve(name);
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return f;
  }

  GeocodeResult geocode(AddressStore store, String q) {
    return new Geocoder(store::acquire).geocodeOne(q, null, null);
  }

  @Test
  void a_departement_then_a_commune_are_replaced_atomically() throws IOException {
    AddressStore store = new AddressStore(tmp.resolve("var/adresses"));
    PostcodeTable postcodes = code -> code.equals("34172") ? List.of("34000", "34070") : List.of();
    AddressImporter importer = new AddressImporter(store, postcodes);

    ImportReport r1 = new ImportReport();
    Path dep =
        file(
            "adresses-34.csv.gz",
            HEADER
                + row("34172_0001_00001", "1", "", "Rue des Essais", "", "34172", "Montpellier", "3.87", "43.60")
                + row("34172_0001_00002", "2", "bis", "Rue des Essais", "", "34172", "Montpellier", "3.8701", "43.6001")
                + row("34057_0002_00005", "5", "", "Rue du Contrôle", "34170", "34057", "Castelnau-le-Lez", "3.90", "43.63")
                + row("34057_0002_00007", "7", "", "Rue du Contrôle", "34170", "34057", "Castelnau-le-Lez", "", "43.63")
                + row("30189_0003_00001", "1", "", "Rue Ailleurs", "30000", "30189", "Nîmes", "4.36", "43.83"),
            true);
    var b1 = importer.build(dep, r1);
    assertThat(b1.kind()).isEqualTo("adresses-34");
    assertThat(b1.wholeDepartement()).isTrue();
    assertThat(r1.rowsRead()).isEqualTo(5);
    assertThat(r1.rowsImported()).isEqualTo(3);
    assertThat(r1.issues()).extracting(i -> i.lineNumber()).containsExactly(5L, 6L);
    assertThat(r1.issues().get(1).reason()).contains("hors du département 34");
    // built but not active: nothing to search yet
    assertThat(store.manifest()).isEmpty();
    store.activate(b1.unit(), b1.directory());

    GeocodeResult bis = geocode(store, "2 bis rue des essais");
    assertThat(bis.housenumber()).isEqualTo("2bis");
    assertThat(bis.postcode()).isEqualTo("34000"); // empty in the file: from the postcode table
    assertThat(geocode(store, "5 rue du controle castelnau").postcode()).isEqualTo("34170");
    // a citycode filter routes the search to the département's own index
    assertThat(new Geocoder(store::acquire).search(new GeocodeRequest("5 rue du controle", 1, null, "34057", null)))
        .extracting(GeocodeResult::id)
        .containsExactly("34057_0002_00005");
    assertThat(new Geocoder(store::acquire).search(new GeocodeRequest("5 rue du controle", 1, null, "30189", null))).isEmpty();

    // a file of one commune replaces that commune only
    ImportReport r2 = new ImportReport();
    Path commune =
        file(
            "montpellier-extrait.csv",
            HEADER + row("34172_0009_00003", "3", "", "Avenue Nouvelle", "", "34172", "Montpellier", "3.88", "43.61"),
            false);
    var b2 = importer.build(commune, r2);
    assertThat(b2.kind()).isEqualTo("adresses-34172");
    assertThat(b2.wholeDepartement()).isFalse();
    // a crash now (built, not activated) leaves the previous index in use
    store.refreshNow();
    assertThat(geocode(store, "2 bis rue des essais").housenumber()).isEqualTo("2bis");
    store.activate(b2.unit(), b2.directory());
    store.refreshNow();
    assertThat(geocode(store, "3 avenue nouvelle montpellier").type()).isEqualTo("housenumber");
    GeocodeResult gone = geocode(store, "2 bis rue des essais montpellier");
    assertThat(gone == null || !"Rue des Essais".equals(gone.street())).isTrue();
    assertThat(geocode(store, "5 rue du controle castelnau").housenumber()).isEqualTo("5");

    // a build left behind by a crash is removed; the active one stays
    Path orphan = store.newBuildDirectory("34");
    store.deleteUnused();
    assertThat(orphan).doesNotExist();
    assertThat(store.current("34")).contains(b2.directory());
    assertThat(Files.exists(b1.directory())).isFalse();
    assertThat(store.manifest()).isEqualTo(Map.of("34", b2.directory().getFileName().toString()));
    store.close();
  }

  @Test
  void a_file_without_the_ban_columns_fails_fast_naming_the_column() throws IOException {
    AddressStore store = new AddressStore(tmp.resolve("adresses"));
    Path bad = file("adresses-34.csv", "id;numero;voie\n1;2;Rue\n", false);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new AddressImporter(store, PostcodeTable.none()).build(bad, new ImportReport()))
        .hasMessageContaining("nom_voie");
  }
}
