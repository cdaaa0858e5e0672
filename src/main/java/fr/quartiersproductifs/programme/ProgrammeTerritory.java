package fr.quartiersproductifs.programme;

import java.util.List;

/**
 * A territory of the programme: one of the 14 pilot territories (seeded from the reference data)
 * or one added by the national team.
 *
 * @param perimetre {@code epci}, {@code ept} or {@code communes}
 * @param communes commune codes of the perimeter
 * @param qpv QPV (2024 generation) of the perimeter, from the reference data
 * @param equipe free text describing the territory's team (not exported as open data)
 */
public record ProgrammeTerritory(
    String id,
    String libelle,
    String perimetre,
    String sirenGroupement,
    Long population,
    boolean pilote,
    String equipe,
    List<String> communes,
    List<String> qpv,
    long version) {}
