package fr.quartiersproductifs.geography;

import java.util.List;

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

  /** Metres with one decimal ({@code 208.4}), without String.format (hot in batches). */
  static String formatDistance(Double metres) {
    if (metres == null) {
      return "";
    }
    long tenths = Math.round(metres * 10);
    return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
  }
}
