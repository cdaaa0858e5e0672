package fr.quartiersproductifs.economy.sirene;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Our in-place parser (eight bytes at a time) reads well-formed CSV exactly as an independent
 * parser, FastCSV, does: same fields, same starting line numbers. The values mix the bytes the
 * scan looks for (delimiter, quote, line feed) with their neighbours in the byte table ({@code -}
 * after {@code ,}, {@code #} after {@code "}, tab and vertical tab around the line feed, form
 * feed), where a bit trick that borrows from one byte to the next would go wrong, and with
 * multi-byte UTF-8; lines end with LF or CRLF. (A lone CR inside a quoted value is left out: FastCSV
 * counts it as a line break, we count line feeds only, like {@code wc -l}.)
 */
class DelimitedReaderOracleTest {

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> plain = Arbitraries.strings().withChars("ab-#+\t\u000Bé0. ").ofMaxLength(12);
    Arbitrary<String> special = Arbitraries.strings().withChars("a,\"\n-#é\f").ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(7, plain), Tuple.of(3, special));
    return Arbitraries.integers().between(1, 9).flatMap(columns ->
        value.list().ofSize(columns).list().ofMinSize(1).ofMaxSize(40));
  }

  static String quote(String v) {
    boolean needs = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
    return needs ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  @Property(tries = 500, seed = "20261128")
  void readsLikeFastCsv(@ForAll("tables") List<List<String>> table, @ForAll boolean crlf) throws IOException {
    assertReadsLikeFastCsv(table, crlf);
  }

  /**
   * Wide records, mostly empty fields, as in INSEE's stock (48 columns, most of them empty on most
   * rows): words of eight delimiters, more than four fields ending in one word, and quoted fields
   * among them.
   */
  @Provide
  Arbitrary<List<List<String>>> wideTables() {
    Arbitrary<String> empty = Arbitraries.just("");
    Arbitrary<String> plain = Arbitraries.strings().withChars("ab0.- ").ofMaxLength(9);
    Arbitrary<String> special = Arbitraries.strings().withChars("a,\"\né").ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(12, empty), Tuple.of(6, plain), Tuple.of(1, special));
    return Arbitraries.integers().between(10, 70).flatMap(columns ->
        value.list().ofSize(columns).list().ofMinSize(1).ofMaxSize(12));
  }

  @Property(tries = 300, seed = "20261130")
  void readsWideSparseRecordsLikeFastCsv(@ForAll("wideTables") List<List<String>> table, @ForAll boolean crlf)
      throws IOException {
    assertReadsLikeFastCsv(table, crlf);
  }

  private static void assertReadsLikeFastCsv(List<List<String>> table, boolean crlf) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : table) {
      sb.append(String.join(",", row.stream().map(DelimitedReaderOracleTest::quote).toList()));
      sb.append(crlf ? "\r\n" : "\n");
    }
    String text = sb.toString();

    List<List<String>> expected = new ArrayList<>();
    List<Long> expectedLines = new ArrayList<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(false).ofCsvRecord(text)) {
      for (CsvRecord r : csv) {
        expected.add(r.getFields());
        expectedLines.add(r.getStartingLineNumber());
      }
    }

    List<List<String>> ours = new ArrayList<>();
    List<Long> ourLines = new ArrayList<>();
    try (DelimitedReader r = reader(text)) {
      while (r.next()) {
        assertThat(r.malformation()).as("line %d", r.lineNumber()).isNull();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < r.fieldCount(); i++) {
          fields.add(r.field(i));
        }
        ours.add(fields);
        ourLines.add(r.lineNumber());
      }
    }
    assertThat(ours).isEqualTo(expected);
    assertThat(ourLines).isEqualTo(expectedLines);
  }

  @Provide
  Arbitrary<String> anyText() {
    // Well-formed or not: stray and unclosed quotes, CR, empty lines, long runs of delimiters.
    return Arbitraries.strings().withChars("ab,,,,\"\n\r-é").ofMaxLength(300);
  }

  /**
   * What a reader reports of each record: line, malformation, field count and the first {@code
   * shown} fields; {@code partial} makes it locate only those.
   */
  static List<String> records(String text, int shown, boolean partial) throws IOException {
    List<String> out = new ArrayList<>();
    try (DelimitedReader r = reader(text)) {
      if (partial) {
        r.locateUpTo(shown - 1);
      }
      while (r.next()) {
        out.add(describe(r, shown));
      }
    }
    return out;
  }

  /** Line, malformation, field count and the first {@code shown} fields of the current record. */
  private static String describe(DelimitedReader r, int shown) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < Math.min(r.fieldCount(), shown); i++) {
      fields.add(r.field(i));
    }
    return r.lineNumber() + " " + r.malformation() + " " + r.fieldCount() + " " + fields;
  }

  @Property(tries = 1000, seed = "20261129")
  void locatingFewerFieldsChangesNothingElse(@ForAll("anyText") String text, @ForAll("shownColumns") int shown)
      throws IOException {
    assertThat(records(text, shown, true)).isEqualTo(records(text, shown, false));
  }

  @Property(tries = 1000, seed = "20261128")
  void locatingAllFieldsAfterwardsGivesTheFullRecord(@ForAll("anyText") String text,
      @ForAll("shownColumns") int shown) throws IOException {
    assertThat(recordsLocatedLate(text, shown)).isEqualTo(records(text, Integer.MAX_VALUE, false));
  }

  /**
   * The same on a chunk that may end inside a record ({@code last} false: the reader then stops
   * before it and gives its offset): each record located up to {@code shown} fields, then in full,
   * against a full read of the same chunk.
   */
  @Property(tries = 1000, seed = "20261128")
  void locatingAllFieldsAfterwardsGivesTheFullRecordInAChunk(@ForAll("anyText") String text,
      @ForAll("shownColumns") int shown, @ForAll boolean last) throws IOException {
    assertThat(chunkRecords(text, shown, last)).isEqualTo(chunkRecords(text, Integer.MAX_VALUE, last));
  }

  private static List<String> chunkRecords(String text, int shown, boolean last) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    DelimitedReader r = new DelimitedReader(new DelimitedReader.Chunk(bytes, 0, bytes.length, last), ',', 0);
    if (shown != Integer.MAX_VALUE) {
      r.locateUpTo(shown - 1);
    }
    List<String> out = new ArrayList<>();
    while (r.next()) {
      r.locateAll();
      out.add(describe(r, Integer.MAX_VALUE));
    }
    out.add("carry " + r.carry() + ", lines " + r.linesRead());
    return out;
  }

  /** Like {@link #records} in full, but each record first located up to {@code shown} fields only. */
  static List<String> recordsLocatedLate(String text, int shown) throws IOException {
    List<String> out = new ArrayList<>();
    try (DelimitedReader r = reader(text)) {
      r.locateUpTo(shown - 1);
      while (r.next()) {
        r.locateAll();
        out.add(describe(r, Integer.MAX_VALUE));
      }
    }
    return out;
  }

  /**
   * {@link DelimitedReader#digits} (SIRET, EPSG codes, qualite_xy) against {@code Long.parseLong}:
   * digits only, 1 to 18 of them, else -1; long runs of digits with one neighbour of the digits in
   * the byte table (slash, colon, and the others whose high nibble is 3) among them.
   */
  @Property(tries = 2000, seed = "20261202")
  void readsDigitsLikeParseLong(@ForAll("digitFields") String value) throws IOException {
    long expected = value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -1;
    try (DelimitedReader r = reader(value + ",x\n")) {
      assertThat(r.next()).isTrue();
      assertThat(r.digits(0)).as(value).isEqualTo(expected);
    }
  }

  /**
   * {@link DelimitedReader#packed} against its definition (the field's bytes, the first the most
   * significant; 0 when empty or longer than eight bytes): fields of a chunk that ends with the
   * record, so that the last ones are read byte by byte and the others a word at a time.
   */
  @Property(tries = 1000, seed = "20261203")
  void packsFieldsAsTheirBytes(@ForAll("packedFields") List<String> fields) throws IOException {
    byte[] bytes = String.join(",", fields).getBytes(StandardCharsets.UTF_8);
    DelimitedReader r = new DelimitedReader(new DelimitedReader.Chunk(bytes, 0, bytes.length, true), ',', 0);
    assertThat(r.next()).isTrue();
    for (int i = 0; i < fields.size(); i++) {
      byte[] field = fields.get(i).getBytes(StandardCharsets.UTF_8);
      long expected = 0;
      for (int k = 0; field.length <= 8 && k < field.length; k++) {
        expected = expected << 8 | (field[k] & 0xFF);
      }
      assertThat(r.packed(i)).as(fields.get(i)).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<List<String>> packedFields() {
    return Arbitraries.strings().withChars("0123456789ABZaz.- \u00e9\u00ff").ofMaxLength(10).list().ofMinSize(2)
        .ofMaxSize(6); // two at least: a record, even of empty fields
  }

  private static DelimitedReader reader(String text) {
    return new DelimitedReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ',');
  }

  @Provide
  Arbitrary<String> digitFields() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(20);
    Arbitrary<String> mixed = Arbitraries.strings().withChars("0123456789/:;<=>?. -").ofMaxLength(20);
    // Long digit runs with one neighbour of the digits somewhere: what a digit test by ranges of
    // bytes (or by eight bytes at once) could let through.
    Arbitrary<String> oneOff = Combinators.combine(
        Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(18),
        Arbitraries.integers().between(0, 17), Arbitraries.of('/', ':', ';', '<', '=', '>', '?', ' ', 'é', '\u00ff'))
        .as((d, at, c) -> d.substring(0, at % d.length()) + c + d.substring(at % d.length() + 1));
    return Arbitraries.frequencyOf(Tuple.of(3, digits), Tuple.of(2, mixed), Tuple.of(3, oneOff));
  }

  @Provide
  Arbitrary<Integer> shownColumns() {
    return Arbitraries.integers().between(1, 5);
  }
}
