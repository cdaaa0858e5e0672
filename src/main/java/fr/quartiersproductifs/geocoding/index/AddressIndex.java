package fr.quartiersproductifs.geocoding.index;

import fr.quartiersproductifs.geocoding.AddressText;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
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

  public static AddressIndex open(List<Path> dirs) throws IOException {
    List<IndexReader> readers = new ArrayList<>();
    try {
      for (Path p : dirs) {
        readers.add(DirectoryReader.open(FSDirectory.open(p)));
      }
    } catch (IOException e) {
      for (IndexReader r : readers) {
        r.close();
      }
      throw e;
    }
    return new AddressIndex(new MultiReader(readers.toArray(IndexReader[]::new), true));
  }

  private AddressIndex(IndexReader reader) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setQueryCache(null);
  }

  /** Takes a reference; false when the index is already closed. */
  public boolean acquire() {
    return reader.tryIncRef();
  }

  public void release() {
    try {
      reader.decRef();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int documents() {
    return reader.numDocs();
  }

  /** Whether a word occurs in some street or commune name (or commune of a street). */
  public boolean knows(String word) {
    try {
      return reader.docFreq(new Term(Fields.TOKENS, word)) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The best street or commune documents for the words (exact words when known, fuzzy otherwise).
   */
  public List<Candidate> candidates(
      List<String> words,
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
      if (known && fuzzyAll && AddressText.maxEdits(w.length()) > 0) {
        // second pass: a typo may have produced another existing word
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        either.add(new TermQuery(t), Occur.SHOULD);
        either.add(new FuzzyQuery(t, AddressText.maxEdits(w.length()), 0, 30, true), Occur.SHOULD);
        clause = either.build();
      } else if (known) {
        clause = new TermQuery(t);
      } else {
        int edits = AddressText.maxEdits(w.length());
        if (edits == 0) {
          continue;
        }
        clause = new FuzzyQuery(t, edits, 0, 30, true);
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
        BooleanQuery.Builder kinds = new BooleanQuery.Builder();
        kinds.add(new TermQuery(new Term(Fields.KIND, Fields.STREET)), Occur.SHOULD);
        kinds.add(new TermQuery(new Term(Fields.KIND, Fields.MUNICIPALITY)), Occur.SHOULD);
        q.add(kinds.build(), Occur.FILTER);
      }
    }
    if (citycode != null) {
      q.add(new TermQuery(new Term(Fields.CITYCODE, citycode)), Occur.FILTER);
    }
    if (postcode != null) {
      q.add(new TermQuery(new Term(Fields.POSTCODE, postcode)), Occur.FILTER);
    }
    try {
      TopDocs top = searcher.search(q.build(), n);
      StoredFields stored = searcher.storedFields();
      List<Candidate> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = stored.document(sd.doc);
        out.add(
            new Candidate(
                d.get(Fields.KIND),
                d.get(Fields.KEY),
                d.get(Fields.ID),
                d.get(Fields.NAME),
                split(d.get(Fields.NAME_N)),
                d.get(Fields.CITY),
                split(d.get(Fields.CITY_N)),
                d.get(Fields.CITYCODE),
                split(d.get(Fields.POSTCODES)),
                num(d, Fields.LON),
                num(d, Fields.LAT),
                num(d, Fields.X),
                num(d, Fields.Y)));
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
      TopDocs top = searcher.search(new TermQuery(t), 10);
      StoredFields stored = searcher.storedFields();
      List<HouseNumber> out = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = stored.document(sd.doc);
        out.add(
            new HouseNumber(
                d.get(Fields.ID),
                d.get(Fields.NUMBER),
                d.get(Fields.REP),
                num(d, Fields.LON),
                num(d, Fields.LAT),
                num(d, Fields.X),
                num(d, Fields.Y)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double num(Document d, String field) {
    var f = d.getField(field);
    return f == null || f.numericValue() == null ? Double.NaN : f.numericValue().doubleValue();
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
  }

  @Override
  public void close() {
    release();
  }
}
