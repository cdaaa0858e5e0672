package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.geocoding.index.AddressIndex;
import fr.quartiersproductifs.geocoding.index.AddressIndex.Candidate;
import fr.quartiersproductifs.geocoding.index.AddressIndex.HouseNumber;
import fr.quartiersproductifs.geocoding.index.AddressIndex.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Free-text geocoding against the address index: parse the text, find candidate streets and
 * communes (exact words, split glued words, fuzzy words), score each candidate in [0, 1] by how
 * well its words and the query's words cover each other, then look the house number up in the best
 * streets. A number absent from the street gives the street (type {@code street}) at a lower score,
 * never another number; a tie between distant places lowers the score. Pure and thread-safe.
 */
public final class Geocoder {
  /** Street candidates fetched from the index per query. */
  static final int CANDIDATES = 12;
  /** Streets in which the house number is looked up. */
  static final int NUMBER_LOOKUPS = 5;
  /** Score factor of a street returned for a house number it does not have. */
  static final double MISSING_NUMBER_FACTOR = 0.6;
  /** Score factor of a house number found with another repetition index (6 for 6bis). */
  static final double OTHER_REP_FACTOR = 0.75;
  /** Score factor when another place, far away, scores nearly as well. */
  static final double AMBIGUITY_FACTOR = 0.7;
  static final double AMBIGUITY_MARGIN = 0.03;
  /** Highest score of a candidate that leaves a meaningful query word unexplained. */
  static final double UNEXPLAINED_CAP = 0.75;
  /** A best street matched at least this well is trusted against same-named streets lacking the number. */
  static final double CLEAR_MATCH = 0.95;
  /** Results below this score are noise: not returned. */
  static final double MIN_SCORE = 0.3;
  /** Below this best score, a second pass tolerates typos on every word. */
  static final double SECOND_PASS_BELOW = 0.9;
  static final double AMBIGUITY_DISTANCE_M = 100;

  private final Supplier<AddressIndex> indexes;

  /** @param indexes gives the current index, acquired (the geocoder releases it) */
  public Geocoder(Supplier<AddressIndex> indexes) {
    this.indexes = indexes;
  }

  /** Best result, or null when nothing matches. */
  public GeocodeResult geocodeOne(String text, String postcode, String citycode) {
    List<GeocodeResult> r = search(new GeocodeRequest(text, 1, postcode, citycode, null));
    return r.isEmpty() ? null : r.get(0);
  }

  public List<GeocodeResult> search(GeocodeRequest request) {
    ParsedQuery pq = ParsedQuery.parse(request.q());
    if (pq.words().isEmpty()) {
      return List.of();
    }
    AddressIndex index = indexes.get();
    try {
      return search(index, pq, request);
    } finally {
      index.release();
    }
  }

  private record Scored(Candidate c, double score) {}

  private List<GeocodeResult> search(AddressIndex index, ParsedQuery pq, GeocodeRequest request) {
    // a query that names its département (filter or postcode) is first searched there only
    String unit = unitOf(request, pq);
    if (index.hasUnit(unit)) {
      List<Ranked> routed = attempt(index, pq, request, unit, false);
      if (!routed.isEmpty() && routed.get(0).result().score() >= SECOND_PASS_BELOW) {
        return limit(routed, request.limit());
      }
    }
    List<Ranked> first = attempt(index, pq, request, null, false);
    if (!first.isEmpty() && first.get(0).result().score() >= SECOND_PASS_BELOW) {
      return limit(first, request.limit());
    }
    // weak or no answer: try again with typo tolerance on every word
    List<Ranked> second = attempt(index, pq, request, null, true);
    if (first.isEmpty() || !second.isEmpty() && second.get(0).result().score() > first.get(0).result().score()) {
      return limit(second, request.limit());
    }
    return limit(first, request.limit());
  }

  private static List<GeocodeResult> limit(List<Ranked> ranked, int limit) {
    List<GeocodeResult> results = new ArrayList<>();
    for (Ranked r : ranked) {
      if (results.size() == limit || r.result().score() < MIN_SCORE) {
        break;
      }
      results.add(r.result());
    }
    return results;
  }

  /** Département named by the citycode or postcode filter, or by the query's postcode. */
  static String unitOf(GeocodeRequest request, ParsedQuery pq) {
    if (request.citycode() != null) {
      return BanAddress.departementOf(request.citycode());
    }
    String pc = request.postcode() != null ? request.postcode() : pq.postcode();
    if (pc == null) {
      return null;
    }
    if (pc.startsWith("20")) {
      return pc.compareTo("20200") < 0 ? "2A" : "2B";
    }
    return pc.startsWith("97") ? pc.substring(0, 3) : pc.substring(0, 2);
  }

  private List<Ranked> attempt(
      AddressIndex index, ParsedQuery pq, GeocodeRequest request, String unit, boolean fuzzyAll) {
    List<String> words = pq.words();
    List<String> splitWords = splitGlued(index, words);
    List<String> searched = words;
    if (splitWords != null) {
      searched = new ArrayList<>(words);
      searched.addAll(splitWords);
    }
    Scope scope =
        request.type() == null
            ? Scope.ALL
            : request.type().equals(GeocodeResult.MUNICIPALITY) ? Scope.MUNICIPALITIES : Scope.STREETS;
    List<Candidate> candidates =
        index.candidates(
            searched, unit, fuzzyAll, pq.postcode(), request.citycode(), request.postcode(), scope, CANDIDATES);
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Scored> scored = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      double s = score(words, pq.postcode(), c);
      if (splitWords != null) {
        s = Math.max(s, score(splitWords, pq.postcode(), c));
      }
      scored.add(new Scored(c, s));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());

    List<Ranked> ranked = new ArrayList<>();
    boolean wantNumber = pq.housenumber() != null && !GeocodeResult.STREET.equals(request.type());
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      Candidate c = s.c();
      String pc = postcodeOf(c, pq.postcode(), request.postcode());
      if (c.isMunicipality()) {
        ranked.add(new Ranked(municipality(c, s.score(), pc), s));
        continue;
      }
      GeocodeResult number = null;
      if (wantNumber && i < NUMBER_LOOKUPS) {
        number = housenumber(index, c, pq, s.score(), pc);
      }
      if (number != null) {
        ranked.add(new Ranked(number, s));
      } else if (!GeocodeResult.HOUSENUMBER.equals(request.type())) {
        double f = pq.housenumber() != null ? MISSING_NUMBER_FACTOR : 1.0;
        ranked.add(new Ranked(street(c, s.score() * f, pc), s));
      }
    }
    if (request.type() != null) {
      ranked.removeIf(r -> !r.result().type().equals(request.type()));
    }
    if (ranked.isEmpty()) {
      return ranked;
    }
    ranked.sort(Comparator.comparingDouble((Ranked r) -> r.result().score()).reversed());
    // Ambiguity: another answer of the same type, far away, nearly as good (e.g. the same number
    // in two streets of the same name, or a street named in several communes).
    Ranked best = ranked.get(0);
    boolean ambiguous = false;
    for (int i = 1; i < ranked.size() && !ambiguous; i++) {
      GeocodeResult other = ranked.get(i).result();
      ambiguous =
          other.type().equals(best.result().type())
              && other.score() >= best.result().score() - AMBIGUITY_MARGIN
              && distanceM(other.lon(), other.lat(), best.result().lon(), best.result().lat()) > AMBIGUITY_DISTANCE_M;
    }
    if (!ambiguous && best.source().score() < CLEAR_MATCH) {
      // an imperfect match: another street whose words match as well is a real alternative, even
      // if the index lacks the number there
      for (Scored s : scored) {
        if (s != best.source()
            && !s.c().isMunicipality()
            && s.score() >= best.source().score() - AMBIGUITY_MARGIN
            && distanceM(s.c().lon(), s.c().lat(), best.result().lon(), best.result().lat()) > AMBIGUITY_DISTANCE_M) {
          ambiguous = true;
          break;
        }
      }
    }
    if (ambiguous) {
      // every answer of the tied group is uncertain, not only the first one
      double top = best.result().score();
      for (int i = 0; i < ranked.size(); i++) {
        Ranked r = ranked.get(i);
        if (r.result().score() >= top - AMBIGUITY_MARGIN) {
          ranked.set(i, new Ranked(r.result().withScore(round(r.result().score() * AMBIGUITY_FACTOR)), r.source()));
        }
      }
      ranked.sort(Comparator.comparingDouble((Ranked r) -> r.result().score()).reversed());
    }
    return ranked;
  }

  private record Ranked(GeocodeResult result, Scored source) {}

  /**
   * The words with glued words split ("ruedes" → "rue", "des") when the parts are known and the
   * whole is not; null when no word splits. Both readings are scored, the best one counts.
   */
  static List<String> splitGlued(AddressIndex index, List<String> words) {
    List<String> out = new ArrayList<>(words.size() + 2);
    boolean any = false;
    for (String w : words) {
      if (w.length() >= 5 && !AddressText.isNumber(w) && !index.knows(w)) {
        String[] split = split(index, w);
        if (split != null) {
          out.add(split[0]);
          out.add(split[1]);
          any = true;
          continue;
        }
      }
      out.add(w);
    }
    return any ? out : null;
  }

  private static String[] split(AddressIndex index, String w) {
    // "laiguelongue", "doccitanie": an elision glued to the word
    int first = w.charAt(0) == 'l' || w.charAt(0) == 'd' ? 1 : 2;
    for (int i = first; i <= w.length() - 2; i++) {
      String a = w.substring(0, i);
      String b = w.substring(i);
      if ((AddressText.STOPWORDS.contains(a) || a.length() > 1 && index.knows(a))
          && (AddressText.STOPWORDS.contains(b) || b.length() > 1 && index.knows(b))) {
        return new String[] {a, b};
      }
    }
    return null;
  }

  /**
   * How well a candidate matches the words: the mean of (a) the weighted share of query words found
   * in the candidate's street and commune words, and (b) the weighted share of the candidate's own
   * name words found in the query (for a commune: their product). A query postcode that the
   * candidate lacks costs 15%.
   */
  static double score(List<String> words, String postcodeHint, Candidate c) {
    List<String> name = c.nameTokens();
    List<String> city = c.cityTokens();
    double qw = 0;
    double qm = 0;
    boolean unexplained = false;
    for (String w : words) {
      double weight = AddressText.weight(w);
      qw += weight;
      double best = 0;
      for (String t : name) {
        best = Math.max(best, AddressText.similarity(w, t));
      }
      for (String t : city) {
        best = Math.max(best, AddressText.similarity(w, t));
      }
      qm += weight * best;
      if (weight == 1.0 && best < 0.5 && !AddressText.isNumber(w) && w.length() >= 3) {
        unexplained = true;
      }
    }
    double nw = 0;
    double nm = 0;
    for (String t : name) {
      // a way type missing from the query costs little ("10 paladilhe"); a wrong one costs on the
      // query side
      double weight = AddressText.WAY_TYPES.contains(t) ? 0.2 : AddressText.weight(t);
      nw += weight;
      double best = 0;
      for (String w : words) {
        best = Math.max(best, AddressText.similarity(w, t));
      }
      nm += weight * best;
    }
    double queryShare = qw == 0 ? 0 : qm / qw;
    double nameShare = nw == 0 ? 0 : nm / nw;
    // a commune answers a query only as far as the query is about the commune alone
    double s = c.isMunicipality() ? queryShare * nameShare : 0.5 * queryShare + 0.5 * nameShare;
    if (postcodeHint != null && !c.postcodes().isEmpty() && !c.postcodes().contains(postcodeHint)) {
      s *= 0.85;
    }
    if (unexplained) {
      // a meaningful word of the query matches nothing here: maybe another place
      s = Math.min(s, UNEXPLAINED_CAP);
    }
    return round(Math.max(0, Math.min(1, s)));
  }

  private static double round(double s) {
    return Math.round(s * 10000) / 10000.0;
  }

  private GeocodeResult housenumber(AddressIndex index, Candidate c, ParsedQuery pq, double score, String pc) {
    List<HouseNumber> exact = List.of();
    if (!pq.altRep().isEmpty()) {
      exact = index.housenumbers(c.key(), pq.housenumber(), pq.altRep(), true);
    }
    if (exact.isEmpty()) {
      exact = index.housenumbers(c.key(), pq.housenumber(), pq.rep(), true);
    }
    double s = score;
    HouseNumber hn;
    if (!exact.isEmpty()) {
      hn = exact.get(0);
    } else {
      List<HouseNumber> any = index.housenumbers(c.key(), pq.housenumber(), pq.rep(), false);
      if (any.isEmpty()) {
        return null;
      }
      // 6 asked, only 6bis known (or the reverse): a neighbour, with a lower score
      hn = any.stream().filter(h -> h.rep().isEmpty()).findFirst().orElse(any.get(0));
      s = score * OTHER_REP_FACTOR;
    }
    String number = hn.number() + hn.rep().toLowerCase(java.util.Locale.ROOT);
    String name = number + " " + c.name();
    return new GeocodeResult(
        GeocodeResult.HOUSENUMBER,
        round(s),
        hn.lon(),
        hn.lat(),
        hn.x(),
        hn.y(),
        label(name, pc, c.city()),
        hn.id(),
        number,
        name,
        c.name(),
        pc,
        c.citycode(),
        c.city(),
        BanAddress.departementOf(c.citycode()));
  }

  private static GeocodeResult street(Candidate c, double score, String pc) {
    return new GeocodeResult(
        GeocodeResult.STREET,
        round(score),
        c.lon(),
        c.lat(),
        c.x(),
        c.y(),
        label(c.name(), pc, c.city()),
        c.id(),
        null,
        c.name(),
        c.name(),
        pc,
        c.citycode(),
        c.city(),
        BanAddress.departementOf(c.citycode()));
  }

  private static GeocodeResult municipality(Candidate c, double score, String pc) {
    return new GeocodeResult(
        GeocodeResult.MUNICIPALITY,
        round(score),
        c.lon(),
        c.lat(),
        c.x(),
        c.y(),
        label(null, pc, c.city()),
        c.id(),
        null,
        c.city(),
        null,
        pc,
        c.citycode(),
        c.city(),
        BanAddress.departementOf(c.citycode()));
  }

  private static String label(String name, String pc, String city) {
    StringBuilder b = new StringBuilder();
    if (name != null) {
      b.append(name).append(' ');
    }
    if (pc != null) {
      b.append(pc).append(' ');
    }
    return b.append(city).toString();
  }

  /** The query's postcode when the candidate has it, else its only (or first) postcode. */
  private static String postcodeOf(Candidate c, String hint, String filter) {
    if (filter != null) {
      return filter;
    }
    if (hint != null && c.postcodes().contains(hint)) {
      return hint;
    }
    return c.postcodes().isEmpty() ? null : c.postcodes().get(0);
  }

  /** Distance in metres between two WGS84 points (equirectangular, fine below a few km). */
  public static double distanceM(double lon1, double lat1, double lon2, double lat2) {
    double k = Math.PI / 180;
    double x = (lon2 - lon1) * k * Math.cos((lat1 + lat2) / 2 * k);
    double y = (lat2 - lat1) * k;
    return Math.sqrt(x * x + y * y) * 6_371_000;
  }
}
