package fr.quartiersproductifs.geography;

import java.util.List;

/**
 * A commune of the official geographic code, or a municipal arrondissement of Paris, Lyon or
 * Marseille ({@code parentCode} then names the commune, e.g. 13201 → 13055).
 *
 * @param epciSiren SIREN of its EPCI (null when none, e.g. islands)
 * @param eptSiren SIREN of its EPT (Métropole du Grand Paris only)
 */
public record Commune(
    String code,
    String nom,
    boolean arrondissement,
    String parentCode,
    String departement,
    String region,
    Integer population,
    List<String> codesPostaux,
    String epciSiren,
    String eptSiren) {

  /** The commune that holds QPV and territory membership: the parent of an arrondissement. */
  public String communeCode() {
    return arrondissement && parentCode != null ? parentCode : code;
  }
}
