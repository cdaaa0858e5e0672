package fr.quartiersproductifs.geocoding;

import java.util.ArrayList;
import java.util.List;

/**
 * A free-text address split into its parts: house number and repetition index, postcode, and the
 * remaining words (street, locality, commune, in any order).
 *
 * @param housenumber the house number ("12"), or null
 * @param rep canonical repetition index ("b" for bis, "t" for ter...), "" when none
 * @param altRep a letter after the number that may be a repetition index or an elision ("5 d
 *     rue..." / "5 d'Alembert"): tried as index first, kept among the words
 * @param postcode a five-digit postcode found in the text, or null
 * @param words the other normalised tokens, in order
 */
public record ParsedQuery(
    String housenumber, String rep, String altRep, String postcode, List<String> words) {
  public ParsedQuery {
    rep = rep == null ? "" : rep;
    altRep = altRep == null ? "" : altRep;
    words = List.copyOf(words);
  }

  public static ParsedQuery parse(String text) {
    List<String> tokens = AddressText.tokens(text);
    String number = null;
    String rep = "";
    String altRep = "";
    String postcode = null;
    List<String> words = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (AddressText.isNumber(t)) {
        if (t.length() == 5 && postcode == null) {
          postcode = t;
          continue;
        }
        if (number == null && words.isEmpty() && t.length() <= 4) {
          number = stripZeros(t);
          if (i + 1 < tokens.size()) {
            String r = AddressText.canonicalRep(tokens.get(i + 1));
            // "12 b rue..." or "12 bis": a repetition index
            if (r != null) {
              rep = r;
              i++;
            } else if (tokens.get(i + 1).length() == 1 && Character.isLetter(tokens.get(i + 1).charAt(0))) {
              altRep = tokens.get(i + 1);
            }
          }
          continue;
        }
      }
      if (!AddressText.NOISE.contains(t)) {
        words.add(t);
      }
    }
    return new ParsedQuery(number, rep, altRep, postcode, words);
  }

  private static String stripZeros(String n) {
    int i = 0;
    while (i < n.length() - 1 && n.charAt(i) == '0') {
      i++;
    }
    return n.substring(i);
  }

  /** Words worth searching for (not stopwords). */
  public List<String> significantWords() {
    return words.stream().filter(w -> !AddressText.STOPWORDS.contains(w)).toList();
  }

  public boolean isBlank() {
    return words.isEmpty() && housenumber == null && postcode == null;
  }
}
