package fr.quartiersproductifs.geography;

import java.util.List;

/**
 * An EPCI (kind {@code EPCI}: métropole, CU, CA, CC...) or an EPT of the Métropole du Grand Paris
 * (kind {@code EPT}), with its member communes.
 */
public record Grouping(
    String siren, String kind, String type, String nom, Integer population, List<String> membres) {}
