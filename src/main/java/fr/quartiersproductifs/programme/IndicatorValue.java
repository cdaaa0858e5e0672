package fr.quartiersproductifs.programme;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The current value of a manual indicator for a territory and a period, with its provenance. */
public record IndicatorValue(
    Long id,
    String indicateur,
    String territoire,
    String periode,
    BigDecimal valeur,
    String source,
    String commentaire,
    String saisiPar,
    OffsetDateTime saisiLe,
    boolean fictif,
    long version) {}
