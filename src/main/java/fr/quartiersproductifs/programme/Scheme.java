package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.QpException;
import java.util.regex.Pattern;

/** A scheme (dispositif) of the national referential, used by actions (by code). */
public record Scheme(String code, String libelle, String operateur, long version) {
  private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,64}");

  public Scheme {
    if (code == null || !CODE.matcher(code).matches()) {
      throw QpException.invalid("Code de dispositif invalide (majuscules, chiffres, _) : " + code);
    }
    libelle = Texts.required(libelle, "Libellé", 300);
    operateur = Texts.optional(operateur, "Opérateur", 300);
  }
}
