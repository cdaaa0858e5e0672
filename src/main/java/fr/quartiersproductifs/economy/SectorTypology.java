package fr.quartiersproductifs.economy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sector typology of the programme (ADR 0030): NAF rév. 2 section, main category and craft
 * flag of an establishment, from its NAF code and its craft-register code. Pure and thread-safe.
 */
public final class SectorTypology {

  /** The 21 sections of the NAF rév. 2, with their division ranges (INSEE). */
  public record Section(String code, String label, int fromDivision, int toDivision) {}

  public static final List<Section> SECTIONS =
      List.of(
          new Section("A", "Agriculture, sylviculture et pêche", 1, 3),
          new Section("B", "Industries extractives", 5, 9),
          new Section("C", "Industrie manufacturière", 10, 33),
          new Section(
              "D",
              "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
              35,
              35),
          new Section(
              "E",
              "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution",
              36,
              39),
          new Section("F", "Construction", 41, 43),
          new Section("G", "Commerce ; réparation d'automobiles et de motocycles", 45, 47),
          new Section("H", "Transports et entreposage", 49, 53),
          new Section("I", "Hébergement et restauration", 55, 56),
          new Section("J", "Information et communication", 58, 63),
          new Section("K", "Activités financières et d'assurance", 64, 66),
          new Section("L", "Activités immobilières", 68, 68),
          new Section("M", "Activités spécialisées, scientifiques et techniques", 69, 75),
          new Section("N", "Activités de services administratifs et de soutien", 77, 82),
          new Section("O", "Administration publique", 84, 84),
          new Section("P", "Enseignement", 85, 85),
          new Section("Q", "Santé humaine et action sociale", 86, 88),
          new Section("R", "Arts, spectacles et activités récréatives", 90, 93),
          new Section("S", "Autres activités de services", 94, 96),
          new Section(
              "T",
              "Activités des ménages en tant qu'employeurs ; activités indifférenciées des ménages en"
                  + " tant que producteurs de biens et services pour usage propre",
              97,
              98),
          new Section("U", "Activités extra-territoriales", 99, 99));

  /** Section code for establishments whose activity is missing or not in NAF rév. 2. */
  public static final String UNCLASSIFIED = "?";

  // Each list holds NAF rév. 2 prefixes: a sub-class ("47.11B"), a class ("47.21"), a group
  // ("47.2") or a division ("43"). The longest matching prefix wins inside one list.

  /** Numérique: the OECD ICT sector (2007 definition) in NAF rév. 2. */
  static final Set<String> NUMERIQUE =
      Set.of(
          "26.1", "26.2", "26.3", "26.4", "26.8", "46.51", "46.52", "58.2", "61", "62", "63.1",
          "95.1");

  /** Commerce de proximité: everyday shops, cafés-restaurants and personal services. */
  static final Set<String> COMMERCE_PROXIMITE =
      Set.of(
          "10.13B", "10.71B", "10.71C", "10.71D", // artisan food makers selling on site
          "47.11A", "47.11B", "47.11C", // frozen food, general food stores, supérettes
          "47.2", // specialised food stores
          "47.4", // ICT equipment stores
          "47.51", "47.52A", "47.53", "47.54", "47.59", // household equipment (small hardware)
          "47.6", // cultural and leisure goods
          "47.7", // other goods in specialised stores (clothing, pharmacy, florists, optics...)
          "47.8", // markets
          "56.10A", "56.10C", "56.30", // traditional and fast-food restaurants, cafés
          "95.2", // repair of personal and household goods
          "96.01B", "96.02" // dry cleaning (retail), hairdressing and beauty care
          );

  /** Exceptions to {@link #COMMERCE_PROXIMITE} prefixes (large formats). */
  static final Set<String> COMMERCE_EXCLUSIONS = Set.of("47.52B", "47.59A");

  /** Activités productives: sections A–F plus freight transport, logistics and delivery. */
  static final Set<String> PRODUCTIVES_SECTIONS = Set.of("A", "B", "C", "D", "E", "F");

  static final Set<String> PRODUCTIVES_EXTRA =
      Set.of(
          "45.20", "45.40", // vehicle repair
          "49.20", "49.41", "49.42", "50.20", "50.40", "51.21", // freight transport
          "52", // warehousing and support activities for transport
          "53.20" // other postal and courier activities (delivery)
          );

  /** Sections counted as "autres": administration, households, extra-territorial bodies. */
  static final Set<String> AUTRES_SECTIONS = Set.of("O", "T", "U");

  /**
   * Artisanat when the craft-register code is absent: NAF activities that are craft activities in
   * the sense of the décret n° 98-247 (list of trades of the Répertoire des métiers) in most
   * cases. An approximation: size and registration are unknown.
   */
  static final Set<String> ARTISANAT_FALLBACK =
      Set.of(
          "10.13B", "10.52", "10.71B", "10.71C", "10.71D", "10.82", // food crafts
          "14.13", "14.19", "15.12", "16.23", "18.12", "18.13", "25.11", "25.62", "31.09",
          "32.12", "33.12", // manufacturing crafts
          "41.20A", "43", // building trades
          "45.20", "45.40", // vehicle repair
          "47.76", // florists
          "49.32", "49.42", // taxis, removals
          "74.20", // photography
          "81.21", "81.22", "81.29A", "81.30", // cleaning, landscaping
          "95.1", "95.2", // repairs
          "96.01B", "96.02", "96.03", "96.04", "96.09" // personal services
          );

  private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();

  private SectorTypology() {}

  /** Classification of a NAF code: section and main category. */
  public record Classification(String section, Category category, boolean craftByNaf) {}

  private static final Category[] CATEGORIES = Category.values();

  /**
   * Packed classification (for the import's hot loop): bits 0–4 section index (21 =
   * unclassified), bits 5–7 category ordinal, bit 8 craft by NAF.
   */
  public static int packed(String naf, boolean nafRev2) {
    if (naf == null || !nafRev2) {
      return pack(SECTIONS.size(), Category.AUTRES, false);
    }
    Integer cached = CACHE.get(naf);
    if (cached != null) {
      return cached;
    }
    int value = compute(naf);
    if (CACHE.size() < 10_000) {
      CACHE.put(naf, value);
    }
    return value;
  }

  public static Classification classify(String naf, boolean nafRev2) {
    int p = packed(naf, nafRev2);
    return new Classification(sectionCode(p), category(p), craftByNaf(p));
  }

  public static String sectionCode(int packed) {
    int s = packed & 0x1F;
    return s < SECTIONS.size() ? SECTIONS.get(s).code() : UNCLASSIFIED;
  }

  public static int sectionIndex(int packed) {
    return packed & 0x1F;
  }

  public static Category category(int packed) {
    return CATEGORIES[(packed >> 5) & 0x7];
  }

  public static boolean craftByNaf(int packed) {
    return (packed & 0x100) != 0;
  }

  /**
   * Craft: the craft-register code when present (any non-empty code: the establishment is
   * registered at the Répertoire des métiers), otherwise the NAF fallback list.
   */
  public static boolean craft(int packed, String craftRegisterCode) {
    return craftRegisterCode != null && !craftRegisterCode.isBlank() || craftByNaf(packed);
  }

  private static int pack(int section, Category category, boolean craft) {
    return section | (category.ordinal() << 5) | (craft ? 0x100 : 0);
  }

  private static int compute(String naf) {
    String code = naf.trim().toUpperCase(java.util.Locale.ROOT);
    int division = division(code);
    int section = SECTIONS.size();
    for (int i = 0; i < SECTIONS.size(); i++) {
      Section s = SECTIONS.get(i);
      if (division >= s.fromDivision() && division <= s.toDivision()) {
        section = i;
        break;
      }
    }
    boolean craft = matches(code, ARTISANAT_FALLBACK);
    if (section == SECTIONS.size()) {
      return pack(section, Category.AUTRES, false);
    }
    String sectionCode = SECTIONS.get(section).code();
    Category category;
    if (matches(code, NUMERIQUE)) {
      category = Category.NUMERIQUE;
    } else if (matches(code, COMMERCE_PROXIMITE) && !matches(code, COMMERCE_EXCLUSIONS)) {
      category = Category.COMMERCE_PROXIMITE;
    } else if (PRODUCTIVES_SECTIONS.contains(sectionCode) || matches(code, PRODUCTIVES_EXTRA)) {
      category = Category.ACTIVITES_PRODUCTIVES;
    } else if (AUTRES_SECTIONS.contains(sectionCode)) {
      category = Category.AUTRES;
    } else {
      category = Category.SERVICES;
    }
    return pack(section, category, craft);
  }

  private static int division(String code) {
    if (code.length() < 2 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))) {
      return -1;
    }
    return (code.charAt(0) - '0') * 10 + (code.charAt(1) - '0');
  }

  static boolean matches(String code, Set<String> prefixes) {
    for (int len = Math.min(code.length(), 6); len >= 2; len--) {
      if (prefixes.contains(code.substring(0, len))) {
        return true;
      }
    }
    return false;
  }
}
