package fr.quartiersproductifs.geography;

import java.util.List;
import java.util.Locale;

/**
 * The QPV columns appended to a batch CSV, shared by the coordinate batch and the address batch.
 */
public final class QpvColumns {
  private QpvColumns() {}

  public static final List<String> HEADERS =
      List.of(
          "qpv_statut",
          "qpv_code",
          "qpv_nom",
          "qpv_generation",
          "qpv_distance_limite_m",
          "qpv_territoire",
          "qpv_message");

  /** The values of {@link #HEADERS} for one answer, in the same order. */
  public static List<String> values(Localisation l) {
    QpvRef q = l.qpv() != null ? l.qpv() : null;
    String message = l.raison();
    if (message == null && l.qpvProche() != null) {
      message =
          "QPV le plus proche : "
              + l.qpvProche().code()
              + " "
              + l.qpvProche().nom()
              + " à "
              + formatDistance(l.distanceLimiteM())
              + " m";
    }
    return List.of(
        l.statut().name(),
        q == null ? "" : q.code(),
        q == null ? "" : q.nom(),
        l.generation() == null ? "" : String.valueOf(l.generation()),
        l.distanceLimiteM() == null ? "" : formatDistance(l.distanceLimiteM()),
        l.territoire() == null ? "" : l.territoire(),
        message == null ? "" : message);
  }

  static String formatDistance(Double metres) {
    return metres == null ? "" : String.format(Locale.ROOT, "%.1f", metres);
  }
}
