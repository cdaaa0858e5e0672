package fr.quartiersproductifs.account;

import fr.quartiersproductifs.shared.QpException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalised (trimmed, lower-case) e-mail address identifying an account. */
public final class Email {
  private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private Email() {}

  public static String normalise(String raw) {
    String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    if (email.length() > 320 || !SHAPE.matcher(email).matches()) {
      throw QpException.invalid("Adresse électronique invalide.");
    }
    return email;
  }
}
