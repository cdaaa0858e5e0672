package fr.quartiersproductifs.geocoding.index;

import fr.quartiersproductifs.geocoding.AddressText;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Read access to the address index: one Lucene index per imported unit (département), searched
 * together. Thread-safe; closed when no search holds it any more (reference counted).
 */
public final class AddressIndex implements Closeable {
  private final IndexReader reader;
  private final IndexSearcher searcher;
  private final MultiReader numbers;
  private final IndexSearcher numberSearcher;
  private final Vocabulary vocabulary;
  /** Decoded street and commune documents, by doc id (filled as searches meet them, bounded). */
  private final java.util.concurrent.atomic.AtomicReferenceArray<Candidate> decoded;
  private final java.util.concurrent.atomic.AtomicInteger decodedCount = new java.util.concurrent.atomic.AtomicInteger();
  static final int DECODED_MAX = 300_000;

  /** Close words tried for a misspelt word. */
  static final int FUZZY_EXPANSIONS = 30;

  /** A street or commune document found for a query. */
  public record Candidate(
      String kind,
      String key,
      String id,
      String name,
      List<String> nameTokens,
      String city,
      List<String> cityTokens,
      String citycode,
      List<String> postcodes,
      double lon,
      double lat,
      double x,
      double y) {
    public boolean isMunicipality() {
      return kind.equals(Fields.MUNICIPALITY);
    }
  }

  /** A house number point. */
  public record HouseNumber(String id, String number, String rep, double lon, double lat, double x, double y) {}

  /** Which documents a search may return. */
  public enum Scope {
    ALL,
    STREETS,
    MUNICIPALITIES
  }

  /** Opens directories without département routing (tests, benchmarks). */
  public static AddressIndex open(List<Path> dirs) throws IOException {
    Map<String, Path> units = new LinkedHashMap<>();
    for (int i = 0; i < dirs.size(); i++) {
      units.put("#" + i, dirs.get(i));
    }
    return open(units);
  }

  /** Opens the index of each unit (département code → directory). */
  public static AddressIndex open(Map<String, Path> units) throws IOException {
    List<IndexReader> readers = new ArrayList<>();
    try {
      for (Path p : units.values()) {
        readers.add(DirectoryReader.open(FSDirectory.open(p.resolve(IndexBuilder.PLACES))));
        readers.add(DirectoryReader.open(FSDirectory.open(p.resolve(IndexBuilder.NUMBERS))));
      }
    } catch (IOException e) {
      for (IndexReader r : readers) {
        r.close();
      }
      throw e;
    }
    int n = units.size();
    IndexReader[] places = new IndexReader[n];
    IndexReader[] numbers = new IndexReader[n];
    for (int i = 0; i < n; i++) {
      places[i] = readers.get(2 * i);
      numbers[i] = readers.get(2 * i + 1);
    }
    return new AddressIndex(List.copyOf(units.keySet()), places, numbers);
  }

  /** One département's readers, searched alone when a query names its département. */
  private record Unit(IndexSearcher places, int placesBase, IndexSearcher numbers) {}

  private final Map<String, Unit> units = new HashMap<>();

  private AddressIndex(List<String> unitNames, IndexReader[] places, IndexReader[] numbers) throws IOException {
    this.reader = new MultiReader(places, true);
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null);
    this.numbers = new MultiReader(numbers, true);
    this.numberSearcher = new IndexSearcher(this.numbers);
    this.numberSearcher.setQueryCache(null);
    this.vocabulary = Vocabulary.of(reader, Fields.TOKENS);
    this.decoded = new java.util.concurrent.atomic.AtomicReferenceArray<>(reader.maxDoc());
    int base = 0;
    for (int i = 0; i < places.length; i++) {
      IndexSearcher p = new IndexSearcher(places[i]);
      p.setQueryCache(null);
      IndexSearcher nb = new IndexSearcher(numbers[i]);
      nb.setQueryCache(null);
      units.put(unitNames.get(i), new Unit(p, base, nb));
      base += places[i].maxDoc();
    }
  }

  /** Whether a département has its own index here. */
  public boolean hasUnit(String unit) {
    return unit != null && units.containsKey(unit);
  }

  /** Takes a reference; false when the index is already closed. */
  public boolean acquire() {
    if (!reader.tryIncRef()) {
      return false;
    }
    if (!numbers.tryIncRef()) {
      release(reader);
      return false;
    }
    return true;
  }

  public void release() {
    release(numbers);
    release(reader);
  }

  private static void release(IndexReader r) {
    try {
      r.decRef();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Street and commune documents. */
  public int places() {
    return reader.numDocs();
  }

  /** House number documents. */
  public int housenumbers() {
    return numbers.numDocs();
  }

  /** Whether a word occurs in some street or commune name (or commune of a street). */
  public boolean knows(String word) {
    return vocabulary.contains(word);
  }


  /**
   * The best street or commune documents for the words (exact words when known, fuzzy otherwise).
   */
  public List<Candidate> candidates(
      List<String> words,
      String unit,
      boolean fuzzyAll,
      String postcodeHint,
      String citycode,
      String postcode,
      Scope scope,
      int n) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    int should = 0;
    for (String w : words) {
      if (AddressText.STOPWORDS.contains(w)) {
        continue;
      }
      Term t = new Term(Fields.TOKENS, w);
      Query clause;
      boolean known = knows(w);
      int edits = AddressText.maxEdits(w.length());
      if (known && !(fuzzyAll && edits > 0)) {
        clause = new TermQuery(t);
      } else {
        // unknown word, or second pass: the close words of the vocabulary
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        int alternatives = 0;
        if (known) {
          either.add(new TermQuery(t), Occur.SHOULD);
          alternatives++;
        }
        for (Vocabulary.Near near : vocabulary.near(w, edits, FUZZY_EXPANSIONS)) {
          either.add(
              new BoostQuery(new TermQuery(new Term(Fields.TOKENS, near.word())), 1f - 0.2f * near.distance()),
              Occur.SHOULD);
          alternatives++;
        }
        if (alternatives == 0) {
          continue;
        }
        clause = either.build();
      }
      q.add(new BoostQuery(clause, (float) AddressText.weight(w)), Occur.SHOULD);
      should++;
    }
    if (postcodeHint != null) {
      q.add(new BoostQuery(new TermQuery(new Term(Fields.POSTCODE, postcodeHint)), 0.5f), Occur.SHOULD);
      should++;
    }
    if (should == 0) {
      return List.of();
    }
    switch (scope) {
      case STREETS -> q.add(new TermQuery(new Term(Fields.KIND, Fields.STREET)), Occur.FILTER);
      case MUNICIPALITIES -> q.add(new TermQuery(new Term(Fields.KIND, Fields.MUNICIPALITY)), Occur.FILTER);
      case ALL -> {
        // the places index holds only streets and communes
      }
    }
    if (citycode != null) {
      q.add(new TermQuery(new Term(Fields.CITYCODE, citycode)), Occur.FILTER);
    }
    if (postcode != null) {
      q.add(new TermQuery(new Term(Fields.POSTCODE, postcode)), Occur.FILTER);
    }
    try {
      Unit u = unit == null ? null : units.get(unit);
      IndexSearcher where = u == null ? searcher : u.places();
      int base = u == null ? 0 : u.placesBase();
      TopDocs top = where.search(q.build(), n);
      List<Candidate> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        int doc = base + sd.doc;
        Candidate c = decoded.get(doc);
        if (c == null) {
          String[] p = payload(where.getIndexReader(), sd.doc);
          c =
              new Candidate(
                  p[0], p[1], p[2], p[3], split(p[4]), p[5], split(p[6]), p[7], split(p[8]),
                  num(p[9]), num(p[10]), num(p[11]), num(p[12]));
          if (decodedCount.get() < DECODED_MAX) {
            decoded.set(doc, c);
            decodedCount.incrementAndGet();
          }
        }
        out.add(c);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The point of a house number of a street: exact repetition index when {@code exactRep}. */
  public List<HouseNumber> housenumbers(String streetKey, String number, String rep, boolean exactRep) {
    Term t =
        exactRep
            ? new Term(Fields.HN, streetKey + "|" + number + "|" + rep)
            : new Term(Fields.HN_NUMBER, streetKey + "|" + number);
    try {
      // the key starts with the commune code: look in its département only when it has its own index
      Unit u = units.get(fr.quartiersproductifs.geocoding.BanAddress.departementOf(streetKey.substring(0, 5)));
      IndexSearcher where = u == null ? numberSearcher : u.numbers();
      TopDocs top = where.search(new TermQuery(t), 10);
      List<HouseNumber> out = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        String[] p = payload(where.getIndexReader(), sd.doc);
        out.add(new HouseNumber(p[0], p[1], p[2], num(p[3]), num(p[4]), num(p[5]), num(p[6])));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] payload(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues dv = leaf.reader().getBinaryDocValues(Fields.PAYLOAD);
    if (dv == null || !dv.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("address index document without payload");
    }
    return dv.binaryValue().utf8ToString().split(String.valueOf(Fields.SEP), -1);
  }

  private static double num(String s) {
    return s.isEmpty() || s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
  }

  @Override
  public void close() {
    release();
  }
}
