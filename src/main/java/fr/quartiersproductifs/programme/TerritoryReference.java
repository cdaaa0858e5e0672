package fr.quartiersproductifs.programme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the programme needs from the reference geography: the pilot territories, the members of an
 * EPCI/EPT and the QPV of a set of communes. Implemented from the reference files (see {@code
 * reference.FileTerritoryReference}); meant to be backed by the geography snapshot once available.
 */
public interface TerritoryReference {
  record ReferenceTerritory(
      String id, String libelle, String perimetre, String siren, Long population, List<String> communes) {}

  /** A QPV (2024 generation) with its communes and municipal population (null under secrecy). */
  record QpvInfo(String code, String nom, Long population, List<String> communes) {}

  List<ReferenceTerritory> pilotTerritories();

  /** Member communes of an EPCI or EPT by SIREN, with their total population. */
  Optional<Grouping> grouping(String siren);

  record Grouping(String siren, String nom, String type, Long population, List<String> communes) {}

  /** QPV with at least one commune in the given set, sorted by code. */
  List<QpvInfo> qpvOfCommunes(Collection<String> communes);
}
