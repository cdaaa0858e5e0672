package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.QpException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in euros, exact to the cent (scale 2), never negative. */
public final class Money {
  static final BigDecimal MAX = new BigDecimal("9999999999999.99");

  private Money() {}

  public static BigDecimal euros(BigDecimal value, String what) {
    if (value == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    if (value.signum() < 0) {
      throw QpException.invalid(what + " négatif : " + value.toPlainString());
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw QpException.invalid(what + " : montant au centime près attendu (" + value.toPlainString() + ").");
    }
    if (value.compareTo(MAX) > 0) {
      throw QpException.invalid(what + " trop élevé : " + value.toPlainString());
    }
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static BigDecimal parse(String text, String what) {
    if (text == null || text.isBlank()) {
      return euros(null, what);
    }
    String t = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(',', '.');
    try {
      return euros(new BigDecimal(t), what);
    } catch (NumberFormatException e) {
      throw QpException.invalid(what + " : nombre attendu (" + text + ").");
    }
  }
}
