package fr.quartiersproductifs.economy;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** CSV (comma, UTF-8, decimal point) and XLSX renderings of a diagnostic: one row per zone. */
public final class DiagnosticExport {
  private DiagnosticExport() {}

  public static List<String> headers(Diagnostic d) {
    List<String> h = new ArrayList<>(List.of("code_zone", "libelle_zone", "type_zone", "population",
        "etablissements_actifs", "etablissements_pour_1000_hab", "part_commerce", "part_artisanat",
        "part_activites_productives", "part_numerique", "part_services", "part_autres",
        "etablissements_employeurs", "part_employeurs", "ratio_densite_qpv_reste"));
    for (int y : d.annees()) {
      h.add("creations_" + y);
    }
    for (int y : d.annees()) {
      h.add("fermetures_" + y);
    }
    for (SectorTypology.Section s : SectorTypology.SECTIONS) {
      h.add("part_section_" + s.code());
    }
    h.add("part_section_non_classee");
    h.addAll(List.of("part_geolocalises_adresse", "part_indetermines", "desaccords_insee",
        "compares_insee", "part_diffusion_partielle", "part_artisanat_par_naf",
        "secret_statistique_population", "date_stock", "version"));
    return h;
  }

  /** Values of a zone row, as typed objects (numbers stay numbers for XLSX). */
  public static List<Object> values(Diagnostic d, Diagnostic.Zone z) {
    List<Object> v = new ArrayList<>();
    v.add(z.code());
    v.add(z.libelle());
    v.add(z.type());
    v.add(z.population());
    v.add(z.etablissementsActifs());
    v.add(z.etablissementsPour1000Hab());
    for (String k : List.of("commerce", "artisanat", "activites_productives", "numerique", "services", "autres")) {
      v.add(z.parts().get(k));
    }
    v.add(z.etablissementsEmployeurs());
    v.add(z.partEmployeurs());
    v.add(z.ratioDensiteQpvReste());
    for (int y : d.annees()) {
      v.add(z.creations().get(y));
    }
    for (int y : d.annees()) {
      v.add(z.fermetures().get(y));
    }
    z.partsSection().values().forEach(v::add);
    Diagnostic.Qualite q = z.qualite();
    v.add(q.partGeolocalisesAdresse());
    v.add(q.partIndetermines());
    v.add(q.desaccordsInsee());
    v.add(q.comparesInsee());
    v.add(q.partDiffusionPartielle());
    v.add(q.partArtisanatParNaf());
    v.add(q.secretStatistique() ? "oui" : "non");
    v.add(d.dateStock().toString());
    v.add(d.version());
    return v;
  }

  private static String text(Object o) {
    if (o == null) {
      return "";
    }
    if (o instanceof Double x) {
      return String.format(Locale.ROOT, "%s", x);
    }
    return o.toString();
  }

  public static String csv(Diagnostic d) {
    StringWriter out = new StringWriter();
    try (CsvWriter w = CsvWriter.builder().build(out)) {
      w.writeRecord(headers(d));
      for (Diagnostic.Zone z : d.zones()) {
        w.writeRecord(values(d, z).stream().map(DiagnosticExport::text).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static byte[] xlsx(Diagnostic d) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("Diagnostic");
      Row header = sheet.createRow(0);
      List<String> h = headers(d);
      for (int i = 0; i < h.size(); i++) {
        header.createCell(i).setCellValue(h.get(i));
      }
      int r = 1;
      for (Diagnostic.Zone z : d.zones()) {
        Row row = sheet.createRow(r++);
        List<Object> v = values(d, z);
        for (int i = 0; i < v.size(); i++) {
          Object o = v.get(i);
          if (o instanceof Number n) {
            row.createCell(i).setCellValue(n.doubleValue());
          } else if (o != null) {
            row.createCell(i).setCellValue(o.toString());
          }
        }
      }
      Sheet notes = wb.createSheet("Avertissements");
      int n = 0;
      notes.createRow(n++).createCell(0).setCellValue(d.perimetre() + " — " + d.libelle() + " — stock SIRENE du " + d.dateStock());
      for (String w : d.avertissements()) {
        notes.createRow(n++).createCell(0).setCellValue(w);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> establishmentHeaders() {
    return List.of("siret", "enseigne", "naf", "libelle_naf", "section", "categorie", "artisanat",
        "adresse", "code_commune", "date_creation", "statut_qpv", "code_qpv", "plg_qp24_insee",
        "qualite_geolocalisation", "employeur");
  }

  public static List<String> establishmentValues(EstablishmentRow e, String nafLabel) {
    List<String> v = new ArrayList<>();
    v.add(e.siret());
    v.add(e.sign());
    v.add(e.naf());
    v.add(nafLabel);
    v.add(e.section());
    v.add(e.category().label());
    v.add(e.craft() == null ? "non" : "oui (" + e.craft() + ")");
    v.add(e.address());
    v.add(e.communeCode());
    v.add(e.dateCreation() == null ? null : e.dateCreation().toString());
    v.add(e.status().name());
    v.add(e.qpvCode());
    v.add(e.inseeQp24());
    v.add(e.geoQuality().name());
    v.add(e.employer() ? "oui" : "non");
    return v;
  }

  public static String establishmentsCsv(List<EstablishmentRow> rows, java.util.function.Function<String, String> labels) {
    StringWriter out = new StringWriter();
    try (CsvWriter w = CsvWriter.builder().build(out)) {
      w.writeRecord(establishmentHeaders());
      for (EstablishmentRow e : rows) {
        w.writeRecord(establishmentValues(e, labels.apply(e.naf())).stream().map(s -> s == null ? "" : s).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
