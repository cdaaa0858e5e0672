package fr.quartiersproductifs.geography.imports;

import fr.quartiersproductifs.dataset.DatasetVersion;
import fr.quartiersproductifs.dataset.ImportIssue;
import java.util.List;

/**
 * What an import did.
 *
 * @param unchanged true when the same file (same SHA-256) was already the active version: nothing
 *     was written
 * @param version the active version after the import
 * @param issues rejected, repaired or flagged rows (empty when unchanged)
 */
public record ImportOutcome(boolean unchanged, DatasetVersion version, List<ImportIssue> issues) {

  /** One line summary in French, for the CLI and logs. */
  public String summary() {
    DatasetVersion v = version;
    if (unchanged) {
      return v.kind() + " : fichier déjà importé (version " + v.id() + ", SHA-256 identique), rien n'a changé";
    }
    return String.format(
        "%s : version %d importée depuis %s — %d lignes lues, %d importées, %d rejetées, %d réparées",
        v.kind(), v.id(), v.sourceName(), v.rowsRead(), v.rowsImported(), v.rowsRejected(), v.rowsRepaired());
  }
}
