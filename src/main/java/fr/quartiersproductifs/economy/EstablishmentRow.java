package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.geography.QpvStatus;
import java.time.LocalDate;

/**
 * An establishment kept individually (pilot territories by default), publicly diffusible only:
 * rows under partial diffusion ({@code statutDiffusionEtablissement = P}) are never kept.
 *
 * @param communeCode commune as coded by INSEE (13201 for Marseille 1er)
 * @param craft {@code RM} (craft register), {@code NAF} (fallback list) or null
 * @param dateFermeture for a closed establishment, the start of its closed period
 */
public record EstablishmentRow(
    String siret,
    String communeCode,
    QpvStatus status,
    String qpvCode,
    String inseeQp24,
    GeoQuality geoQuality,
    String naf,
    String section,
    Category category,
    String craft,
    boolean active,
    LocalDate dateCreation,
    LocalDate dateFermeture,
    boolean employer,
    String trancheEffectifs,
    String sign,
    String address) {}
