package fr.quartiersproductifs.geocoding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes an address the way people type it, with a random mix of habits seen in real queries:
 * case, missing accents, abbreviations, dropped way type or articles, one typing slip, repetition
 * index forms, postcode and/or commune or neither, commas, glued words.
 */
final class TypedQueries {
  private TypedQueries() {}

  static final String[] POSTCODES = {"34000", "34070", "34080", "34090"};

  static String write(BanAddress a, Random r) {
    String street = a.nomVoie();
    if (r.nextDouble() < 0.35) {
      street = MontpellierGeocodingTest.abbreviate(street);
    }
    if (r.nextDouble() < 0.1) {
      street = street.replaceFirst("^(Rue|Avenue|Boulevard|Place|Impasse|Allée|Chemin|Route) ", "");
    }
    if (r.nextDouble() < 0.15) {
      street = street.replaceAll(" (de la|de l'|du|des|de) ", " ");
    }
    if (r.nextDouble() < 0.3) {
      street = slip(street, r);
    }
    if (r.nextDouble() < 0.05) {
      street = street.replaceFirst("^(Rue) (de|des|du) ", "$1$2 ");
    }
    String number = a.numero();
    if (!a.rep().isEmpty()) {
      String rep = a.rep();
      number += switch (r.nextInt(3)) {
        case 0 -> " " + rep;
        case 1 -> rep.substring(0, 1);
        default -> " " + rep.toUpperCase(Locale.ROOT);
      };
    }
    String sep = r.nextDouble() < 0.3 ? ", " : " ";
    StringBuilder q = new StringBuilder(number).append(sep).append(street);
    double where = r.nextDouble();
    if (where < 0.3) {
      q.append(sep).append(POSTCODES[r.nextInt(POSTCODES.length)]).append(" Montpellier");
    } else if (where < 0.5) {
      q.append(sep).append("Montpellier");
    } else if (where < 0.7) {
      q.append(' ').append(POSTCODES[r.nextInt(POSTCODES.length)]);
    }
    String s = q.toString();
    double c = r.nextDouble();
    if (c < 0.3) {
      s = s.toLowerCase(Locale.ROOT);
    } else if (c < 0.45) {
      s = s.toUpperCase(Locale.ROOT);
    }
    if (r.nextDouble() < 0.4) {
      s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
    return s;
  }

  /**
   * A harder writing: always one slip, often a second one, a mangled way type ("ue", "Ruede"),
   * a misspelt commune, sometimes the postcode of a neighbouring commune.
   */
  static String writeHard(BanAddress a, Random r) {
    String street = slip(a.nomVoie(), r);
    if (r.nextDouble() < 0.5) {
      street = slip(street, r);
    }
    double w = r.nextDouble();
    if (w < 0.15) {
      street = street.replaceFirst("^Rue ", "ue ");
    } else if (w < 0.3) {
      street = street.replaceFirst("^Rue (de|des|du) ", "Rue$1 ");
    } else if (w < 0.4) {
      street = street.replaceFirst("^Avenue ", "Avnue ");
    }
    String number = a.numero() + (a.rep().isEmpty() ? "" : a.rep().substring(0, 1));
    StringBuilder q = new StringBuilder(number).append(' ').append(street);
    double c = r.nextDouble();
    if (c < 0.3) {
      q.append(" Montpelier");
    } else if (c < 0.4) {
      q.append(" 34170 Montpellier");
    } else if (c < 0.7) {
      q.append(' ').append(POSTCODES[r.nextInt(POSTCODES.length)]);
    }
    String s = q.toString();
    return r.nextBoolean() ? s.toLowerCase(Locale.ROOT) : s;
  }

  /** One slip in a word of 5 letters or more: a letter dropped, doubled, swapped or replaced. */
  static String slip(String street, Random r) {
    String[] words = street.split(" ");
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() >= 5 && words[i].chars().allMatch(Character::isLetter)) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return street;
    }
    int wi = candidates.get(r.nextInt(candidates.size()));
    String w = words[wi];
    int p = 1 + r.nextInt(w.length() - 2);
    words[wi] =
        switch (r.nextInt(4)) {
          case 0 -> w.substring(0, p) + w.substring(p + 1);
          case 1 -> w.substring(0, p) + w.charAt(p) + w.substring(p);
          case 2 -> w.substring(0, p) + w.charAt(p + 1) + w.charAt(p) + w.substring(p + 2);
          default -> w.substring(0, p) + "azertyuiop".charAt(r.nextInt(10)) + w.substring(p + 1);
        };
    return String.join(" ", words);
  }
}
