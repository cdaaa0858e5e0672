package fr.quartiersproductifs.geography.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The receipt of a batch run, kept so that the answer can be justified later: what went in (SHA-256
 * of the input), what came out (counts per status), with which data (dataset versions) and for
 * which date. Holds no row content (no personal data).
 */
public record BatchReceipt(
    String id,
    String type,
    Instant debut,
    Instant fin,
    String sha256Entree,
    String nomEntree,
    long lignes,
    LocalDate date,
    Map<String, Long> parStatut,
    List<String> versionsDonnees,
    String parametres) {

  /** One-line summary in French (printed by the CLI on stderr). */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("Lot ").append(id).append(" : ").append(lignes).append(" lignes");
    parStatut.forEach((k, v) -> sb.append(", ").append(k).append(" ").append(v));
    sb.append(" ; date ").append(date);
    sb.append(" ; données ").append(String.join(", ", versionsDonnees));
    sb.append(" ; SHA-256 entrée ").append(sha256Entree);
    return sb.toString();
  }
}
