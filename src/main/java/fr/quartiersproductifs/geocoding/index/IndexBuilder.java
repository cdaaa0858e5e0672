package fr.quartiersproductifs.geocoding.index;

import fr.quartiersproductifs.geocoding.AddressText;
import fr.quartiersproductifs.geocoding.BanAddress;
import fr.quartiersproductifs.geocoding.PostcodeTable;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Writes one index directory from a stream of BAN rows: a document per house number (sub-index
 * {@value #NUMBERS}), and, at the
 * end, a document per street and per commune (sub-index {@value #PLACES}; a street's point is the address point nearest to the mean
 * of its points) and per commune. Memory: the points of the streets of one file (a département)
 * are kept until the end, 32 bytes each.
 *
 * <p>With a base index, its documents are copied first, and those of the communes present in the
 * new file are dropped at the end: re-importing a commune replaces it within its département.
 */
public final class IndexBuilder implements Closeable {
  /** Sub-directory of the street and commune documents (searched by words). */
  public static final String PLACES = "voies";
  /** Sub-directory of the house number documents (looked up by key). */
  public static final String NUMBERS = "numeros";

  private final Directory placesDir;
  private final IndexWriter places;
  private final Directory numbersDir;
  private final IndexWriter numbers;
  private final PostcodeTable postcodes;
  private final String batch = UUID.randomUUID().toString();
  private final Map<String, StreetAcc> streets = new LinkedHashMap<>();
  private final Map<String, CityAcc> cities = new LinkedHashMap<>();
  private final Set<String> seenHn = new java.util.HashSet<>();
  private int housenumbers;

  private static final class StreetAcc {
    final String name;
    final String nameN;
    final String citycode;
    final String city;
    final Set<String> postcodes = new TreeSet<>();
    final String firstId;
    double[] pts = new double[16];
    int n;

    StreetAcc(String name, String nameN, String citycode, String city, String firstId) {
      this.name = name;
      this.nameN = nameN;
      this.citycode = citycode;
      this.city = city;
      this.firstId = firstId;
    }

    void add(double lon, double lat, double x, double y) {
      if ((n + 1) * 4 > pts.length) {
        pts = java.util.Arrays.copyOf(pts, pts.length * 2);
      }
      pts[n * 4] = lon;
      pts[n * 4 + 1] = lat;
      pts[n * 4 + 2] = x;
      pts[n * 4 + 3] = y;
      n++;
    }

    /** Index of the point nearest to the mean point. */
    int central() {
      double mx = 0;
      double my = 0;
      for (int i = 0; i < n; i++) {
        mx += pts[i * 4];
        my += pts[i * 4 + 1];
      }
      mx /= n;
      my /= n;
      int best = 0;
      double bestD = Double.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        double dx = pts[i * 4] - mx;
        double dy = pts[i * 4 + 1] - my;
        double d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      return best;
    }
  }

  private static final class CityAcc {
    final String name;
    final List<StreetAcc> streets = new ArrayList<>();
    final Set<String> postcodes = new TreeSet<>();

    CityAcc(String name) {
      this.name = name;
    }
  }

  /** Opens a writer on a new, empty directory, optionally seeded with a base index. */
  public IndexBuilder(Path target, Path base, PostcodeTable postcodes) throws IOException {
    this.postcodes = postcodes;
    this.placesDir = FSDirectory.open(target.resolve(PLACES));
    this.places = new IndexWriter(placesDir, config(32));
    this.numbersDir = FSDirectory.open(target.resolve(NUMBERS));
    this.numbers = new IndexWriter(numbersDir, config(128));
    if (base != null) {
      try (Directory b = FSDirectory.open(base.resolve(PLACES))) {
        places.addIndexes(b);
      }
      try (Directory b = FSDirectory.open(base.resolve(NUMBERS))) {
        numbers.addIndexes(b);
      }
    }
  }

  private static IndexWriterConfig config(int ramMb) {
    IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(ramMb);
    config.setCommitOnClose(false);
    return config;
  }

  /** Adds one BAN row. Duplicated (street, number, repetition) rows keep the first point. */
  public void add(BanAddress a) {
    String nameN = AddressText.normalise(a.nomVoie());
    String key = a.codeInsee() + "|" + a.ancienneCommune() + "|" + nameN;
    StreetAcc s =
        streets.computeIfAbsent(
            key,
            k -> {
              CityAcc c = cities.computeIfAbsent(a.codeInsee(), cc -> new CityAcc(a.nomCommune()));
              StreetAcc acc = new StreetAcc(a.nomVoie(), nameN, a.codeInsee(), a.nomCommune(), a.id());
              c.streets.add(acc);
              return acc;
            });
    if (!a.codePostal().isEmpty()) {
      s.postcodes.add(a.codePostal());
      cities.get(a.codeInsee()).postcodes.add(a.codePostal());
    }
    s.add(a.lon(), a.lat(), a.x(), a.y());
    if (a.numero().equals("99999")) {
      return; // BAN convention for a named place without number: only the street point
    }
    String number = stripZeros(a.numero());
    String rep = AddressText.canonicalRepOfColumn(a.rep());
    String hn = key + "|" + number + "|" + rep;
    if (!seenHn.add(hn)) {
      return;
    }
    Document d = new Document();
    d.add(new StringField(Fields.KIND, Fields.HOUSENUMBER, Field.Store.NO));
    d.add(new StringField(Fields.HN, hn, Field.Store.NO));
    d.add(new StringField(Fields.HN_NUMBER, key + "|" + number, Field.Store.NO));
    d.add(new StringField(Fields.CITYCODE, a.codeInsee(), Field.Store.NO));
    d.add(new StringField(Fields.BATCH, batch, Field.Store.NO));
    d.add(payload(a.id(), number, a.rep(), a.lon(), a.lat(), a.x(), a.y()));
    try {
      numbers.addDocument(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    housenumbers++;
  }

  private static String stripZeros(String n) {
    int i = 0;
    while (i < n.length() - 1 && n.charAt(i) == '0') {
      i++;
    }
    return n.substring(i);
  }

  private static BinaryDocValuesField payload(Object... parts) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append(Fields.SEP);
      }
      b.append(parts[i]);
    }
    return new BinaryDocValuesField(Fields.PAYLOAD, new BytesRef(b.toString()));
  }

  /** Communes written by this builder. */
  public Set<String> communes() {
    return cities.keySet();
  }

  public int housenumbers() {
    return housenumbers;
  }

  public int streets() {
    return streets.size();
  }

  /**
   * Writes street and commune documents, drops the base documents of the communes re-imported (or
   * every base document when {@code replaceAll}), merges and commits.
   */
  public void finish(boolean replaceAll) throws IOException {
    Map<String, List<String>> cityPostcodes = new HashMap<>();
    for (Map.Entry<String, CityAcc> e : cities.entrySet()) {
      Set<String> pcs = new TreeSet<>(e.getValue().postcodes);
      pcs.addAll(postcodes.postcodesOf(e.getKey()));
      cityPostcodes.put(e.getKey(), List.copyOf(pcs));
    }
    for (Map.Entry<String, StreetAcc> se : streets.entrySet()) {
      StreetAcc s = se.getValue();
      List<String> pcs = s.postcodes.isEmpty() ? cityPostcodes.get(s.citycode) : List.copyOf(s.postcodes);
      int c = s.central();
      String key = se.getKey();
      Document d =
          searchable(
              Fields.STREET, key, streetId(s.firstId, s.citycode), s.name, s.nameN, s.citycode, s.city, pcs,
              s.pts, c);
      places.addDocument(d);
    }
    for (Map.Entry<String, CityAcc> e : cities.entrySet()) {
      CityAcc city = e.getValue();
      // the commune point: the street point nearest to the mean of street points
      StreetAcc all = new StreetAcc(city.name, "", e.getKey(), city.name, "");
      for (StreetAcc s : city.streets) {
        int c = s.central();
        all.add(s.pts[c * 4], s.pts[c * 4 + 1], s.pts[c * 4 + 2], s.pts[c * 4 + 3]);
      }
      int c = all.central();
      String nameN = AddressText.normalise(city.name);
      Document d =
          searchable(
              Fields.MUNICIPALITY, e.getKey(), e.getKey(), city.name, nameN, e.getKey(), city.name,
              cityPostcodes.get(e.getKey()), all.pts, c);
      places.addDocument(d);
    }
    BooleanQuery.Builder old = new BooleanQuery.Builder();
    if (replaceAll) {
      old.add(new org.apache.lucene.search.MatchAllDocsQuery(), Occur.FILTER);
    } else {
      List<BytesRef> codes = cities.keySet().stream().map(BytesRef::new).toList();
      old.add(new TermInSetQuery(Fields.CITYCODE, codes), Occur.FILTER);
    }
    old.add(new TermQuery(new Term(Fields.BATCH, batch)), Occur.MUST_NOT);
    Query oldDocs = old.build();
    for (IndexWriter w : List.of(places, numbers)) {
      w.deleteDocuments(oldDocs);
      w.forceMerge(1);
      w.commit();
    }
  }

  private static String streetId(String firstId, String citycode) {
    // BAN ids are <commune>_<street>_<number>[_<rep>]: the street id is the first two parts
    String[] p = firstId.split("_");
    return p.length >= 2 ? p[0] + "_" + p[1] : citycode;
  }

  private Document searchable(
      String kind,
      String key,
      String id,
      String name,
      String nameN,
      String citycode,
      String city,
      List<String> pcs,
      double[] pts,
      int point) {
    String cityN = AddressText.normalise(city);
    Document d = new Document();
    d.add(new StringField(Fields.KIND, kind, Field.Store.NO));
    d.add(new StringField(Fields.BATCH, batch, Field.Store.NO));
    d.add(new StringField(Fields.CITYCODE, citycode, Field.Store.NO));
    StringBuilder tokens = new StringBuilder(nameN);
    if (kind.equals(Fields.STREET)) {
      tokens.append(' ').append(cityN);
    }
    for (String pc : pcs) {
      d.add(new StringField(Fields.POSTCODE, pc, Field.Store.NO));
    }
    d.add(new TextField(Fields.TOKENS, tokens.toString(), Field.Store.NO));
    d.add(
        payload(
            kind, key, id, name, nameN, city, cityN, citycode, String.join(" ", pcs),
            pts[point * 4], pts[point * 4 + 1], pts[point * 4 + 2], pts[point * 4 + 3]));
    return d;
  }

  @Override
  public void close() throws IOException {
    try (placesDir;
        numbersDir;
        places;
        numbers) {
      // closed in reverse order: writers, then directories
    }
  }
}
