package fr.quartiersproductifs.programme;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A target of a territory for an indicator: a value to reach by a deadline. */
public record IndicatorTarget(
    Long id, String indicateur, String territoire, BigDecimal valeur, LocalDate echeance, boolean fictif, long version) {}
