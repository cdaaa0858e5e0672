package fr.quartiersproductifs.geocoding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Normalisation of address text, identical at indexing and query time: accents and case folded,
 * punctuation removed, usual French abbreviations expanded ({@code av.} → {@code avenue}, {@code
 * bd} → {@code boulevard}...), glued numbers split ({@code 6B} → {@code 6 b}). Pure and thread-safe.
 */
public final class AddressText {
  private AddressText() {}

  /** Abbreviations people (and some BAN names) use, expanded to the full word. */
  static final Map<String, String> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("av", "avenue"),
          Map.entry("ave", "avenue"),
          Map.entry("aven", "avenue"),
          Map.entry("avn", "avenue"),
          Map.entry("bd", "boulevard"),
          Map.entry("bld", "boulevard"),
          Map.entry("blvd", "boulevard"),
          Map.entry("boul", "boulevard"),
          Map.entry("bvd", "boulevard"),
          Map.entry("r", "rue"),
          Map.entry("pl", "place"),
          Map.entry("imp", "impasse"),
          Map.entry("ch", "chemin"),
          Map.entry("chem", "chemin"),
          Map.entry("che", "chemin"),
          Map.entry("rte", "route"),
          Map.entry("all", "allee"),
          Map.entry("crs", "cours"),
          Map.entry("sq", "square"),
          Map.entry("pass", "passage"),
          Map.entry("psg", "passage"),
          Map.entry("qu", "quai"),
          Map.entry("res", "residence"),
          Map.entry("resid", "residence"),
          Map.entry("lot", "lotissement"),
          Map.entry("lotis", "lotissement"),
          Map.entry("ham", "hameau"),
          Map.entry("fg", "faubourg"),
          Map.entry("fbg", "faubourg"),
          Map.entry("esp", "esplanade"),
          Map.entry("prom", "promenade"),
          Map.entry("carr", "carrefour"),
          Map.entry("rpt", "rond point"),
          Map.entry("sent", "sentier"),
          Map.entry("tra", "traverse"),
          Map.entry("trav", "traverse"),
          Map.entry("mte", "montee"),
          Map.entry("vla", "villa"),
          Map.entry("pte", "porte"),
          Map.entry("st", "saint"),
          Map.entry("ste", "sainte"),
          Map.entry("gal", "general"),
          Map.entry("gen", "general"),
          Map.entry("gl", "general"),
          Map.entry("mal", "marechal"),
          Map.entry("pdt", "president"),
          Map.entry("dr", "docteur"),
          Map.entry("doct", "docteur"),
          Map.entry("prof", "professeur"),
          Map.entry("cdt", "commandant"),
          Map.entry("cmdt", "commandant"),
          Map.entry("lt", "lieutenant"),
          Map.entry("cpt", "capitaine"),
          Map.entry("cne", "capitaine"),
          Map.entry("mgr", "monseigneur"),
          Map.entry("nd", "notre dame"),
          Map.entry("chs", "chaussee"));

  /** Words that carry little meaning in a street name. */
  public static final Set<String> STOPWORDS =
      Set.of("de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "s");

  /** Words people add that say nothing about the place: ignored. */
  public static final Set<String> NOISE =
      Set.of(
          "france", "cedex", "appartement", "appart", "appt", "apt", "batiment", "bat", "etage",
          "escalier", "esc", "logement", "chez", "bp", "cs");

  /** Kinds of ways: they discriminate little (weight lowered in scoring). */
  public static final Set<String> WAY_TYPES =
      Set.of(
          "rue", "avenue", "boulevard", "place", "impasse", "chemin", "route", "allee", "cours",
          "square", "passage", "quai", "residence", "lotissement", "hameau", "faubourg",
          "esplanade", "promenade", "carrefour", "rond", "point", "sentier", "traverse", "montee",
          "villa", "porte", "voie", "cite", "parvis", "clos", "lieu", "dit", "chaussee", "rampe",
          "ruelle", "domaine", "mail", "parc", "plan", "plateau", "port", "quartier", "zone",
          "za", "zi", "zac", "mas", "ancien", "vieux", "grande", "petite");

  /** Folds accents, case and punctuation: {@code "Allée  Pierre-Brasseur"} → {@code "allee pierre brasseur"}. */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String s = text;
    boolean ascii = true;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        ascii = false;
        break;
      }
    }
    if (!ascii) {
      s = s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE");
      s = Normalizer.normalize(s, Normalizer.Form.NFD);
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
        space = false;
      } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
        // accent: dropped
      } else if (Character.isLetterOrDigit(c)) {
        b.append(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        b.append(' ');
        space = true;
      }
    }
    int len = b.length();
    if (len > 0 && b.charAt(len - 1) == ' ') {
      b.setLength(len - 1);
    }
    return b.toString();
  }

  /**
   * Tokens of a text: folded, glued numbers split from letters ({@code 166b} → {@code 166}, {@code
   * b}), abbreviations expanded.
   */
  public static List<String> tokens(String text) {
    String folded = fold(text);
    List<String> out = new ArrayList<>();
    if (folded.isEmpty()) {
      return out;
    }
    for (String raw : folded.split(" ")) {
      int split = digitsPrefix(raw);
      if (split > 0 && split < raw.length()) {
        out.add(raw.substring(0, split));
        expand(raw.substring(split), out);
      } else {
        expand(raw, out);
      }
    }
    return out;
  }

  /** The normalised form of a name (street or commune) as tokens joined by spaces. */
  public static String normalise(String name) {
    return String.join(" ", tokens(name));
  }

  private static void expand(String token, List<String> out) {
    String full = ABBREVIATIONS.get(token);
    if (full == null) {
      out.add(token);
    } else {
      for (String t : full.split(" ")) {
        out.add(t);
      }
    }
  }

  private static int digitsPrefix(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  public static boolean isNumber(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Canonical repetition index: {@code bis} → {@code b}, {@code ter} → {@code t}, ... ; null if not one. */
  public static String canonicalRep(String token) {
    if (token == null) {
      return null;
    }
    return switch (token) {
      case "bis", "b" -> "b";
      case "ter", "t" -> "t";
      case "quater", "qua", "qte", "q" -> "q";
      case "quinquies", "quinq" -> "quinquies";
      case "a", "c", "e", "f", "g", "h" -> token;
      default -> null;
    };
  }

  /** Repetition index of a BAN row ({@code rep} column) in canonical form; "" when none. */
  public static String canonicalRepOfColumn(String rep) {
    String f = fold(rep);
    if (f.isEmpty()) {
      return "";
    }
    String c = canonicalRep(f);
    if (c != null) {
      return c;
    }
    // "d", and anything else: kept as folded
    return f.replace(" ", "");
  }

  public static double weight(String token) {
    if (STOPWORDS.contains(token)) {
      return 0.1;
    }
    if (WAY_TYPES.contains(token)) {
      return 0.5;
    }
    return 1.0;
  }

  /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), capped. */
  public static int distance(String a, String b, int max) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > max) {
      return max + 1;
    }
    int[] prev2 = new int[lb + 1];
    int[] prev = new int[lb + 1];
    int[] cur = new int[lb + 1];
    for (int j = 0; j <= lb; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= la; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= lb; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[lb];
  }

  /** Edits tolerated for a token of this length (0 below 4 letters, 1 up to 7, 2 beyond). */
  public static int maxEdits(int length) {
    return length < 4 ? 0 : length < 8 ? 1 : 2;
  }

  /** Similarity of a query token to an indexed token in [0, 1]. */
  public static double similarity(String query, String indexed) {
    if (query.equals(indexed)) {
      return 1.0;
    }
    int max = maxEdits(Math.min(query.length(), indexed.length()));
    if (max > 0) {
      int d = distance(query, indexed, max);
      if (d <= max) {
        // one slip is common and cheap; two slips make the word uncertain
        return (d == 1 ? 0.95 : 0.75) - 0.3 / Math.max(query.length(), indexed.length());
      }
    }
    // a truncated word ("gare st ch" style); only for 3+ letters
    if (query.length() >= 3 && indexed.length() > query.length() && indexed.startsWith(query)) {
      return 0.6;
    }
    return 0.0;
  }
}
