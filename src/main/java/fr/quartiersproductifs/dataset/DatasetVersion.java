package fr.quartiersproductifs.dataset;

import java.time.Instant;

/**
 * One import of one data file: what was read, from which file (name and SHA-256), when, and with
 * which outcome. At most one version per kind is active; answers name the versions they used.
 */
public record DatasetVersion(
    long id,
    String kind,
    String sourceName,
    String sha256,
    int rowsRead,
    int rowsImported,
    int rowsRejected,
    int rowsRepaired,
    Instant importedAt,
    boolean active,
    Instant supersededAt,
    String parameters) {

  /** Short reference used in answers and receipts, e.g. {@code qpv-2024#3}. */
  public String reference() {
    return kind + "#" + id;
  }
}
