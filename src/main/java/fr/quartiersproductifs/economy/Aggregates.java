package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.geography.QpvStatus;

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

  /** An establishment where our QPV answer and INSEE's plg_qp24 differ. */
  public record Disagreement(
      String siret, String communeCode, QpvStatus status, String qpvCode, String inseeQp24,
      boolean active) {}
}
