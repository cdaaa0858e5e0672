package fr.quartiersproductifs.programme.xlsx;

import fr.quartiersproductifs.programme.Action;
import fr.quartiersproductifs.programme.Consolidation;
import fr.quartiersproductifs.programme.FundingLine;
import fr.quartiersproductifs.shared.QpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The XLSX form of a territory's action plan: sheet {@code Actions} (one action a line, key {@code
 * A<id>} for an existing action, any other unique key for a new one) and sheet {@code
 * Financements} (one funding line a line, {@code cle_action} pointing at an action's key). Lists
 * are separated by {@code |}. Reading gives raw rows with their line numbers; validation is done
 * by the import service.
 */
public final class ActionPlanWorkbook {
  private ActionPlanWorkbook() {}

  public static final String ACTIONS = "Actions";
  public static final String FUNDING = "Financements";
  public static final List<String> ACTION_COLUMNS =
      List.of("cle", "titre", "description", "axe", "statut", "motif_abandon", "porteur", "partenaires",
          "dispositifs", "qpv", "date_debut", "date_fin", "version");
  public static final List<String> FUNDING_COLUMNS =
      List.of("id", "cle_action", "financeur", "annee", "prevu", "engage", "verse", "version");

  public static String key(long actionId) {
    return "A" + actionId;
  }

  public static byte[] write(String territory, List<Action> actions, List<FundingLine> funding) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle money = wb.createCellStyle();
      money.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
      Sheet a = wb.createSheet(ACTIONS);
      header(a, ACTION_COLUMNS);
      boolean fictional = false;
      for (Action x : actions) {
        fictional |= x.fictif();
        Row r = a.createRow(a.getLastRowNum() + 1);
        int c = 0;
        text(r, c++, key(x.id()));
        text(r, c++, x.titre());
        text(r, c++, x.description());
        text(r, c++, x.axe().name());
        text(r, c++, x.statut().name());
        text(r, c++, x.motifAbandon());
        text(r, c++, x.porteur());
        text(r, c++, String.join("|", x.partenaires()));
        text(r, c++, String.join("|", x.dispositifs()));
        text(r, c++, String.join("|", x.qpv()));
        date(r, c++, x.dateDebut(), date);
        date(r, c++, x.dateFin(), date);
        r.createCell(c).setCellValue(x.version());
      }
      Sheet f = wb.createSheet(FUNDING);
      header(f, FUNDING_COLUMNS);
      for (FundingLine x : funding) {
        Row r = f.createRow(f.getLastRowNum() + 1);
        r.createCell(0).setCellValue(x.id());
        text(r, 1, key(x.action()));
        text(r, 2, x.financeur().name());
        r.createCell(3).setCellValue(x.annee());
        amount(r, 4, x.prevu(), money);
        amount(r, 5, x.engage(), money);
        amount(r, 6, x.verse(), money);
        r.createCell(7).setCellValue(x.version());
      }
      Sheet info = wb.createSheet("Lisez-moi");
      info.createRow(0).createCell(0).setCellValue("Plan d'action du territoire " + territory
          + (fictional ? " " + Consolidation.FICTIF + " contient des actions fictives de démonstration." : ""));
      info.createRow(1).createCell(0).setCellValue(
          "Modifiez les lignes puis réimportez le fichier : il est validé en entier, rien n'est écrit si une ligne est rejetée."
              + " Nouvelle action : clé libre (ex. N1) ; action existante : ne modifiez ni la clé ni la version.");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A raw line of a sheet: 1-based line number as Excel shows it, cells by column name. */
  public record Line(String sheet, int line, Map<String, String> cells) {
    public String get(String column) {
      String v = cells.get(column);
      return v == null || v.isBlank() ? null : v.strip();
    }
  }

  public record Parsed(List<Line> actions, List<Line> funding) {}

  /** Reads both sheets; a missing sheet or column fails fast, naming it. */
  public static Parsed read(byte[] xlsx) {
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
      return new Parsed(lines(wb, ACTIONS, ACTION_COLUMNS), lines(wb, FUNDING, FUNDING_COLUMNS));
    } catch (IOException | RuntimeException e) {
      if (e instanceof QpException q) {
        throw q;
      }
      throw QpException.invalid("Fichier XLSX illisible : " + e.getMessage());
    }
  }

  private static List<Line> lines(Workbook wb, String name, List<String> columns) {
    Sheet sheet = wb.getSheet(name);
    if (sheet == null) {
      throw QpException.invalid("Feuille manquante : " + name);
    }
    Row header = sheet.getRow(0);
    Map<String, Integer> index = new HashMap<>();
    if (header != null) {
      for (Cell c : header) {
        index.put(cellText(c).strip().toLowerCase(), c.getColumnIndex());
      }
    }
    for (String col : columns) {
      if (!index.containsKey(col)) {
        throw QpException.invalid("Colonne manquante dans la feuille " + name + " : " + col);
      }
    }
    List<Line> out = new ArrayList<>();
    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
      Row row = sheet.getRow(i);
      if (row == null) {
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      boolean empty = true;
      for (String col : columns) {
        Cell c = row.getCell(index.get(col));
        String v = c == null ? "" : cellText(c);
        cells.put(col, v);
        empty &= v.isBlank();
      }
      if (!empty) {
        out.add(new Line(name, i + 1, cells));
      }
    }
    return out;
  }

  /** Cell content as text: numbers without float noise, dates as ISO dates. */
  static String cellText(Cell c) {
    CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
    return switch (type) {
      case STRING -> c.getStringCellValue();
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(c)) {
          yield c.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        yield BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
      }
      case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
      default -> "";
    };
  }

  /** ISO {@code 2025-01-31} or French {@code 31/01/2025}. */
  public static LocalDate parseDate(String text, String what) {
    if (text == null) {
      return null;
    }
    try {
      return text.contains("/")
          ? LocalDate.parse(text, DateTimeFormatter.ofPattern("dd/MM/uuuu"))
          : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw QpException.invalid(what + " : date invalide (" + text + ", attendu AAAA-MM-JJ ou JJ/MM/AAAA).");
    }
  }

  private static void header(Sheet s, List<String> names) {
    Row r = s.createRow(0);
    for (int i = 0; i < names.size(); i++) {
      r.createCell(i).setCellValue(names.get(i));
    }
  }

  private static void text(Row r, int c, String v) {
    r.createCell(c).setCellValue(v == null ? "" : v);
  }

  private static void date(Row r, int c, LocalDate d, CellStyle style) {
    Cell cell = r.createCell(c);
    if (d != null) {
      cell.setCellValue(d);
      cell.setCellStyle(style);
    }
  }

  private static void amount(Row r, int c, BigDecimal v, CellStyle style) {
    Cell cell = r.createCell(c);
    cell.setCellValue(v.doubleValue());
    cell.setCellStyle(style);
  }
}
