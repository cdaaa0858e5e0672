package fr.quartiersproductifs.dataset;

/**
 * A row of an imported file that was rejected or repaired.
 *
 * @param lineNumber line in the file (1 = header for CSV) or feature number (1-based) for GeoJSON
 * @param severity what happened to the row
 * @param identifier the row's identifier when known (QPV code, commune code...)
 * @param reason why, in French
 */
public record ImportIssue(long lineNumber, Severity severity, String identifier, String reason) {
  public enum Severity {
    /** Not imported. */
    REJETEE,
    /** Imported after an automatic repair (e.g. an invalid polygon made valid). */
    REPAREE,
    /** Imported as is; something worth knowing (an odd value kept). */
    AVERTISSEMENT
  }
}
