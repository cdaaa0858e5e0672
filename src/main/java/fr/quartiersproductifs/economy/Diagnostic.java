package fr.quartiersproductifs.economy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The economic diagnostic of a perimeter: one row per zone (each QPV, the QPV part, the rest, the
 * whole perimeter), computed from the active SIRENE import.
 *
 * @param perimetre what was asked ({@code TERRITOIRE AMP}, {@code COMMUNE 34172}...)
 * @param dateStock date of the SIRENE stock
 * @param version dataset version used ({@code sirene#12})
 * @param annees the years of the creation and closure columns (last 10 years of the stock)
 */
public record Diagnostic(
    String perimetre,
    String libelle,
    LocalDate dateStock,
    String version,
    List<Integer> annees,
    List<Zone> zones,
    List<String> avertissements) {

  /** Zone types. */
  public static final String QPV = "QPV";
  public static final String QPV_PERIMETRE = "QPV_DU_PERIMETRE";
  public static final String RESTE = "RESTE_DU_PERIMETRE";
  public static final String PERIMETRE = "PERIMETRE";

  /**
   * Figures of one zone.
   *
   * @param population inhabitants (null under statistical secrecy or unknown)
   * @param parts shares by category key ({@code commerce}, {@code artisanat}, {@code
   *     activites_productives}, {@code numerique}, {@code services}, {@code autres}), 0–1
   * @param partsSection shares by NAF section (A–U, {@code ?} unclassified), 0–1
   * @param ratioDensiteQpvReste for QPV zones: density of the zone / density of the rest of the
   *     perimeter
   */
  public record Zone(
      String code,
      String libelle,
      String type,
      Integer population,
      long etablissementsActifs,
      Double etablissementsPour1000Hab,
      Map<String, Double> parts,
      Map<String, Double> partsSection,
      long etablissementsEmployeurs,
      Double partEmployeurs,
      Map<Integer, Long> creations,
      Map<Integer, Long> fermetures,
      Double ratioDensiteQpvReste,
      Qualite qualite) {}

  /**
   * Quality caveats of a zone's figures.
   *
   * @param partGeolocalisesAdresse share of active establishments placed at their address number
   * @param partIndetermines share whose QPV answer is INDETERMINE (placed at random in the commune,
   *     not geolocated): counted in the perimeter, neither in the QPV part nor in the rest
   * @param desaccordsInsee establishments where our answer and INSEE's plg_qp24 differ
   * @param comparesInsee establishments where both answers exist
   * @param partDiffusionPartielle share under partial diffusion (counted, never listed)
   * @param partArtisanatParNaf share of craft establishments identified by the NAF fallback
   * @param secretStatistique population unknown (statistical secrecy) for at least one QPV
   */
  public record Qualite(
      Double partGeolocalisesAdresse,
      Double partIndetermines,
      long desaccordsInsee,
      long comparesInsee,
      Double partDiffusionPartielle,
      Double partArtisanatParNaf,
      boolean secretStatistique) {}
}
