package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.QpException;
import java.util.regex.Pattern;

/**
 * An indicator of the referential: national ({@code territoire} null) or local to a territory.
 *
 * @param sens which direction is better: {@code HAUSSE} or {@code BAISSE}
 * @param automatique computed from the economic diagnostic (never entered by hand)
 */
public record IndicatorDefinition(
    String code,
    String libelle,
    String unite,
    String methode,
    String source,
    Frequency frequence,
    String sens,
    Aggregation agregation,
    boolean automatique,
    String territoire,
    long version) {
  private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,64}");

  public IndicatorDefinition {
    if (code == null || !CODE.matcher(code).matches()) {
      throw QpException.invalid("Code d'indicateur invalide (majuscules, chiffres, _) : " + code);
    }
    libelle = Texts.required(libelle, "Libellé", 300);
    unite = Texts.required(unite, "Unité", 64);
    methode = Texts.optional(methode, "Méthode de calcul", 2000);
    source = Texts.optional(source, "Source", 300);
    if (frequence == null) {
      throw QpException.invalid("Fréquence obligatoire.");
    }
    if (!"HAUSSE".equals(sens) && !"BAISSE".equals(sens)) {
      throw QpException.invalid("Sens attendu : HAUSSE ou BAISSE (" + sens + ").");
    }
    if (agregation == null) {
      throw QpException.invalid("Règle d'agrégation obligatoire.");
    }
  }
}
