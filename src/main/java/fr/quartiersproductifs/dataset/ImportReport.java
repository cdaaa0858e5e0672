package fr.quartiersproductifs.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects what an import did: rows read and imported, rejected and repaired rows with their line
 * and reason. Not thread-safe: one report per import.
 */
public final class ImportReport {
  /** Issues kept in detail; beyond that they are only counted. */
  public static final int MAX_DETAILED_ISSUES = 10_000;

  private int rowsRead;
  private int rowsImported;
  private int rejected;
  private int repaired;
  private int warnings;
  private final List<ImportIssue> issues = new ArrayList<>();

  public void read() {
    rowsRead++;
  }

  public void imported() {
    rowsImported++;
  }

  public void reject(long line, String identifier, String reason) {
    rejected++;
    add(new ImportIssue(line, ImportIssue.Severity.REJETEE, identifier, reason));
  }

  public void repaired(long line, String identifier, String reason) {
    repaired++;
    add(new ImportIssue(line, ImportIssue.Severity.REPAREE, identifier, reason));
  }

  public void warn(long line, String identifier, String reason) {
    warnings++;
    add(new ImportIssue(line, ImportIssue.Severity.AVERTISSEMENT, identifier, reason));
  }

  private void add(ImportIssue issue) {
    if (issues.size() < MAX_DETAILED_ISSUES) {
      issues.add(issue);
    }
  }

  /**
   * Adds another report's counts and issues, its line numbers shifted by {@code lineOffset}: the
   * report of one part of a file read in parallel, merged in file order.
   */
  public void addAll(ImportReport part, long lineOffset) {
    addCounts(part);
    for (ImportIssue i : part.issues) {
      addIssue(i, lineOffset);
    }
  }

  /** Adds another report's counts, not its issues (see {@link #addIssue}). */
  public void addCounts(ImportReport part) {
    rowsRead += part.rowsRead;
    rowsImported += part.rowsImported;
    rejected += part.rejected;
    repaired += part.repaired;
    warnings += part.warnings;
  }

  /** Adds another report's rejected, repaired and warning counts only (not its rows, not its issues). */
  public void addIssueCounts(ImportReport other) {
    rejected += other.rejected;
    repaired += other.repaired;
    warnings += other.warnings;
  }

  /** Adds one issue of another report (already counted there), its line shifted. */
  public void addIssue(ImportIssue issue, long lineOffset) {
    add(new ImportIssue(issue.lineNumber() + lineOffset, issue.severity(), issue.identifier(), issue.reason()));
  }

  public int rowsRead() {
    return rowsRead;
  }

  public int rowsImported() {
    return rowsImported;
  }

  public int rejected() {
    return rejected;
  }

  public int repaired() {
    return repaired;
  }

  public int warnings() {
    return warnings;
  }

  public List<ImportIssue> issues() {
    return Collections.unmodifiableList(issues);
  }

  /** Whether every rejected, repaired and warned row is in {@link #issues()} (none cut at the limit). */
  public boolean allIssuesDetailed() {
    return issues.size() == (long) rejected + repaired + warnings;
  }
}
