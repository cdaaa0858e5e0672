package fr.quartiersproductifs.programme.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import fr.quartiersproductifs.programme.Action;
import fr.quartiersproductifs.programme.Consolidation;
import fr.quartiersproductifs.programme.Consolidator;
import fr.quartiersproductifs.programme.FundingLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Exports of the consolidation: a long CSV table (one figure a line), an XLSX workbook (budget,
 * actions, indicators sheets) and the open-data CSV of actions (no personal data: no team, no
 * author, no free-text description or comment). Every output says when it holds fictional data.
 */
public final class ConsolidationExports {
  private ConsolidationExports() {}

  static final List<String> LONG_HEADER =
      List.of("fictif", "niveau", "territoire", "rubrique", "financeur", "axe", "statut", "indicateur", "periode", "mesure", "valeur");

  /** Long table: every figure of every view, one a line. */
  public static List<List<String>> rows(Consolidation c) {
    List<List<String>> rows = new ArrayList<>();
    String fictif = c.contientDonneesFictives() ? "oui" : "non";
    List<Consolidation.View> views = new ArrayList<>(c.territoires());
    views.add(c.national());
    for (Consolidation.View v : views) {
      String level = v.territoire().equals("NATIONAL") ? "NATIONAL" : "TERRITOIRE";
      for (Consolidation.BudgetCell b : v.budget()) {
        String f = b.financeur().name(), a = b.axe().name();
        rows.add(List.of(fictif, level, v.territoire(), "BUDGET", f, a, "", "", "", "prevu", b.prevu().toPlainString()));
        rows.add(List.of(fictif, level, v.territoire(), "BUDGET", f, a, "", "", "", "engage", b.engage().toPlainString()));
        rows.add(List.of(fictif, level, v.territoire(), "BUDGET", f, a, "", "", "", "verse", b.verse().toPlainString()));
      }
      for (Consolidation.ActionCount a : v.actions()) {
        rows.add(List.of(fictif, level, v.territoire(), "ACTIONS", "", a.axe().name(), a.statut().name(), "", "", "nombre", String.valueOf(a.nombre())));
      }
      for (Consolidation.IndicatorFigure i : v.indicateurs()) {
        String period = i.periode() == null ? "" : i.periode();
        rows.add(List.of(fictif, level, v.territoire(), "INDICATEUR", "", "", "", i.code(), period, "valeur", i.valeur() == null ? "" : plain(i.valeur())));
        if (i.cible() != null) {
          rows.add(List.of(fictif, level, v.territoire(), "INDICATEUR", "", "", "", i.code(), String.valueOf(i.echeance()), "cible", plain(i.cible())));
        }
      }
    }
    return rows;
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  public static byte[] csv(Consolidation c) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(LONG_HEADER);
    rows.addAll(rows(c));
    return writeCsv(rows);
  }

  /**
   * Free text for a CSV opened in a spreadsheet: a leading {@code = + - @} (or tab / carriage
   * return) would start a formula, so it is prefixed with an apostrophe (OWASP CSV injection).
   */
  static String safe(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  static byte[] writeCsv(List<List<String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(w)) {
      for (List<String> r : rows) {
        csv.writeRecord(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static final List<String> OPEN_DATA_HEADER =
      List.of("fictif", "territoire", "id_action", "titre", "axe", "statut", "qpv", "dispositifs", "date_debut", "date_fin", "montant_prevu", "montant_engage", "montant_verse");

  /** Open data: the actions of every territory with their funding totals, without personal data. */
  public static byte[] openData(List<Consolidator.TerritoryFacts> facts) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(OPEN_DATA_HEADER);
    for (Consolidator.TerritoryFacts t : facts) {
      for (Action a : t.actions()) {
        BigDecimal p = BigDecimal.ZERO.setScale(2), e = p, v = p;
        for (FundingLine f : t.funding()) {
          if (f.action() == a.id()) {
            p = p.add(f.prevu());
            e = e.add(f.engage());
            v = v.add(f.verse());
          }
        }
        rows.add(List.of(
            a.fictif() ? "oui" : "non", t.id(), String.valueOf(a.id()),
            safe((a.fictif() && !a.titre().startsWith(Consolidation.FICTIF) ? Consolidation.FICTIF + " " : "") + a.titre()),
            a.axe().name(), a.statut().name(), String.join("|", a.qpv()), safe(String.join("|", a.dispositifs())),
            a.dateDebut() == null ? "" : a.dateDebut().toString(), a.dateFin() == null ? "" : a.dateFin().toString(),
            p.toPlainString(), e.toPlainString(), v.toPlainString()));
      }
    }
    return writeCsv(rows);
  }

  /** XLSX workbook: a notice sheet, then budget, actions and indicators in wide tables. */
  public static byte[] xlsx(Consolidation c) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle bold = wb.createCellStyle();
      var font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet notice = wb.createSheet("Avertissement");
      notice.createRow(0).createCell(0).setCellValue(
          c.contientDonneesFictives() ? c.avertissement() : "Consolidation du programme Quartiers productifs.");
      List<Consolidation.View> views = new ArrayList<>(c.territoires());
      views.add(c.national());
      Sheet budget = wb.createSheet("Budget");
      header(budget, bold, "fictif", "territoire", "financeur", "axe", "prevu", "engage", "verse");
      Sheet actions = wb.createSheet("Actions");
      header(actions, bold, "fictif", "territoire", "statut", "axe", "nombre");
      Sheet indicators = wb.createSheet("Indicateurs");
      header(indicators, bold, "fictif", "territoire", "indicateur", "libelle", "unite", "agregation", "periode", "valeur", "cible", "echeance", "etat");
      String f = c.contientDonneesFictives() ? "oui" : "non";
      for (Consolidation.View v : views) {
        for (Consolidation.BudgetCell b : v.budget()) {
          Row r = budget.createRow(budget.getLastRowNum() + 1);
          text(r, 0, f); text(r, 1, v.territoire()); text(r, 2, b.financeur().name()); text(r, 3, b.axe().name());
          num(r, 4, b.prevu()); num(r, 5, b.engage()); num(r, 6, b.verse());
        }
        for (Consolidation.ActionCount a : v.actions()) {
          Row r = actions.createRow(actions.getLastRowNum() + 1);
          text(r, 0, f); text(r, 1, v.territoire()); text(r, 2, a.statut().name()); text(r, 3, a.axe().name());
          r.createCell(4).setCellValue(a.nombre());
        }
        for (Consolidation.IndicatorFigure i : v.indicateurs()) {
          Row r = indicators.createRow(indicators.getLastRowNum() + 1);
          text(r, 0, f); text(r, 1, v.territoire()); text(r, 2, i.code()); text(r, 3, i.libelle()); text(r, 4, i.unite());
          text(r, 5, i.agregation().name()); text(r, 6, i.periode()); num(r, 7, i.valeur()); num(r, 8, i.cible());
          text(r, 9, i.echeance() == null ? null : i.echeance().toString()); text(r, 10, i.etat());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void header(Sheet sheet, CellStyle style, String... names) {
    Row r = sheet.createRow(0);
    for (int i = 0; i < names.length; i++) {
      Cell cell = r.createCell(i);
      cell.setCellValue(names[i]);
      cell.setCellStyle(style);
    }
  }

  static void text(Row r, int col, String value) {
    if (value != null) {
      r.createCell(col).setCellValue(value);
    }
  }

  static void num(Row r, int col, BigDecimal value) {
    if (value != null) {
      r.createCell(col).setCellValue(value.doubleValue());
    }
  }
}
