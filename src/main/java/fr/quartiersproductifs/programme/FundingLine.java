package fr.quartiersproductifs.programme;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.quartiersproductifs.shared.QpException;
import java.math.BigDecimal;

/**
 * A funding line of an action: who funds, which year, planned / committed / paid amounts in euros
 * exact to the cent. Paid never exceeds committed; committed above planned is allowed but flagged
 * ({@link #alerteEngagement()}).
 */
public record FundingLine(
    Long id,
    long action,
    Funder financeur,
    int annee,
    BigDecimal prevu,
    BigDecimal engage,
    BigDecimal verse,
    boolean fictif,
    long version) {

  public FundingLine {
    if (financeur == null) {
      throw QpException.invalid("Financeur obligatoire.");
    }
    if (annee < 2000 || annee > 2100) {
      throw QpException.invalid("Année invalide : " + annee);
    }
    prevu = Money.euros(prevu, "Montant prévu");
    engage = Money.euros(engage, "Montant engagé");
    verse = Money.euros(verse, "Montant versé");
    if (verse.compareTo(engage) > 0) {
      throw QpException.invalid(
          "Le montant versé (" + verse.toPlainString() + " €) dépasse le montant engagé ("
              + engage.toPlainString() + " €).");
    }
  }

  /** Committed above planned: allowed, but flagged for the national team. */
  @JsonProperty("alerteEngagement")
  public boolean alerteEngagement() {
    return engage.compareTo(prevu) > 0;
  }

  public boolean sameContent(FundingLine o) {
    return financeur == o.financeur
        && annee == o.annee
        && prevu.compareTo(o.prevu) == 0
        && engage.compareTo(o.engage) == 0
        && verse.compareTo(o.verse) == 0;
  }

  public FundingLine withIdentity(long newId, long newVersion) {
    return new FundingLine(newId, action, financeur, annee, prevu, engage, verse, fictif, newVersion);
  }
}
