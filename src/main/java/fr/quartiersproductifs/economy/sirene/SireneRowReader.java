package fr.quartiersproductifs.economy.sirene;

import fr.quartiersproductifs.dataset.ImportReport;
import java.io.Closeable;
import java.io.IOException;

/**
 * What the readers of INSEE's two files share: rows of a {@link DelimitedReader} with a SIRET
 * column; blank lines skipped; a malformed row, a wrong number of fields, a missing or invalid
 * SIRET, or a file-specific {@link #rowProblem()} reported with its line and skipped.
 */
abstract class SireneRowReader implements Closeable {
  final DelimitedReader r;
  private final ImportReport report;
  private final int columnCount;
  private final int siret;
  private long siretValue;

  SireneRowReader(Columns c, DelimitedReader r, ImportReport report) {
    this.r = r;
    this.report = report;
    this.columnCount = c.count;
    this.siret = c.required("siret");
  }

  /** Advances to the next usable row (bad rows are reported and skipped); false at the end. */
  public final boolean next() throws IOException {
    while (true) {
      if (readKnownLayout()) {
        report.read();
        return true;
      }
      if (!r.next()) {
        return false;
      }
      if (r.blank()) {
        continue;
      }
      report.read();
      String problem = problem();
      if (problem == null) {
        return true;
      }
      report.reject(r.lineNumber(), r.length(siret) == 14 ? r.field(siret) : null, problem);
    }
  }

  /**
   * A file's fast path: reads the next row itself when it has the file's usual shape and passes
   * every check (then it is the current row, its values set, as {@link #rowProblem()} would set
   * them); false leaves the row, whatever it is, to the general path. None by default.
   */
  boolean readKnownLayout() {
    return false;
  }

  /** Sets the SIRET of a row read by {@link #readKnownLayout()}. */
  final void knownSiret(long value) {
    siretValue = value;
  }

  final int columnCount() {
    return columnCount;
  }

  private String problem() {
    String m = r.malformation();
    if (m != null) {
      return m;
    }
    if (r.fieldCount() != columnCount) {
      return "nombre de champs incorrect (" + r.fieldCount() + " au lieu de " + columnCount + ")";
    }
    siretValue = r.length(siret) == 14 ? r.digits(siret) : -1;
    if (siretValue < 0) {
      return "SIRET absent ou invalide (14 chiffres attendus)";
    }
    return rowProblem();
  }

  /** The file's own checks of a row whose shape and SIRET are good: the reason, or null. */
  abstract String rowProblem();

  final int siretColumn() {
    return siret;
  }

  public final long lineNumber() {
    return r.lineNumber();
  }

  public final long siret() {
    return siretValue;
  }

  /** The SIRET as written (14 digits). */
  public final String siretText() {
    r.locateAll();
    return r.field(siret);
  }

  @Override
  public final void close() throws IOException {
    r.close();
  }
}
