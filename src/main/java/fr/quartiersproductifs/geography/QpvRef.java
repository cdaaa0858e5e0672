package fr.quartiersproductifs.geography;

import java.util.List;

/**
 * A QPV as named in answers: code, name, generation, all its communes, EPCI/EPT and the pilot
 * territories it belongs to.
 */
public record QpvRef(
    String code,
    String nom,
    int generation,
    List<CommuneRef> communes,
    List<GroupingRef> epci,
    List<String> territoires) {

  /** A commune of a QPV (for Marseille, Lyon and Paris: the whole commune, e.g. 13055). */
  public record CommuneRef(String code, String nom) {}

  /** An EPCI or EPT (type {@code EPT} for the territories of the Métropole du Grand Paris). */
  public record GroupingRef(String siren, String nom, String type) {}
}
