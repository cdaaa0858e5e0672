package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.geography.QpvStatus;
import java.util.ArrayList;
import java.util.List;

/** The aggregate rows an import produces for the whole country (by commune as coded by INSEE). */
public final class Aggregates {
  private Aggregates() {}

  /**
   * Active establishments by commune, QPV answer, section and category.
   *
   * @param qpvCode our QPV (DANS_QPV), else null
   */
  public record Activity(
      String communeCode, QpvStatus status, String qpvCode, String section, Category category,
      long active, long employer, long craftRm, long craftNaf) {}

  /** Active establishments by geolocation quality, comparison with INSEE and diffusion status. */
  public record Quality(
      String communeCode, QpvStatus status, String qpvCode, GeoQuality geoQuality,
      InseeCheck inseeCheck, boolean partialDiffusion, long active) {}

  /** Creations (kind C, by creation year) and closures (kind F, by dateDebut of the closed period). */
  public record Flow(
      String communeCode, QpvStatus status, String qpvCode, char kind, int year, long count) {}

  /**
   * The creations (kind C) or closures (kind F) of one zone, year by year, as an import writes them
   * (ADR 0045): years in increasing order, each with its count; years without any are left out.
   * Records compare arrays by identity: compare {@link #yearly()} instead.
   */
  public record ZoneFlows(
      String communeCode, QpvStatus status, String qpvCode, char kind, int[] years, long[] counts) {
    public ZoneFlows {
      if (years.length != counts.length) {
        throw new IllegalArgumentException(years.length + " années pour " + counts.length + " effectifs");
      }
      for (int i = 1; i < years.length; i++) {
        if (years[i] <= years[i - 1]) {
          throw new IllegalArgumentException("années non croissantes : " + years[i - 1] + ", " + years[i]);
        }
      }
    }

    /** One flow per year. */
    public List<Flow> yearly() {
      List<Flow> out = new ArrayList<>(years.length);
      for (int i = 0; i < years.length; i++) {
        out.add(new Flow(communeCode, status, qpvCode, kind, years[i], counts[i]));
      }
      return out;
    }
  }

  /** An establishment where our QPV answer and INSEE's plg_qp24 differ. */
  public record Disagreement(
      String siret, String communeCode, QpvStatus status, String qpvCode, String inseeQp24,
      boolean active) {}
}
