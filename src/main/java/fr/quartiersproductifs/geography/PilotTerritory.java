package fr.quartiersproductifs.geography;

import java.util.List;

/**
 * A pilot territory of the Quartiers productifs programme ({@code AMP}, {@code TOULOUSE}...): a
 * perimeter of communes (an EPCI, an EPT or a list of communes).
 *
 * @param perimeterKind {@code epci}, {@code ept} or {@code communes}
 * @param communes the communes of the perimeter (whole communes: 13055 for Marseille)
 */
public record PilotTerritory(
    String id,
    String libelle,
    String perimeterKind,
    String groupingSiren,
    String groupingName,
    String groupingType,
    Integer population,
    List<TerritoryCommune> communes) {

  public record TerritoryCommune(
      String code, String nom, String departement, Integer population, List<String> codesPostaux) {}
}
