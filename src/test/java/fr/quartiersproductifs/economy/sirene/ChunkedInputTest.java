package fr.quartiersproductifs.economy.sirene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Reading a file as chunks parsed in parallel gives exactly what one sequential read gives: the
 * same records, fields, line numbers and malformations, whatever the chunk size, including quoted
 * line breaks, escaped quotes, CRLF, stray quotes and unclosed quotes falling on a cut.
 */
class ChunkedInputTest {

  /** One record as seen by a reader: its line, its malformation and its fields. */
  record Seen(long line, String malformation, List<String> fields) {}

  static List<Seen> sequential(byte[] bytes) throws IOException {
    List<Seen> out = new ArrayList<>();
    try (DelimitedReader r = new DelimitedReader(new ByteArrayInputStream(bytes), ',')) {
      String[] header = r.readHeader();
      out.add(new Seen(1, null, List.of(header)));
      while (r.next()) {
        out.add(seen(r, 0));
      }
    }
    return out;
  }

  static Seen seen(DelimitedReader r, long offset) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < r.fieldCount(); i++) {
      fields.add(r.field(i));
    }
    return new Seen(r.lineNumber() + offset, r.malformation(), fields);
  }

  /** The part of one chunk: the records it read, with their local line numbers. */
  record Part(List<Seen> records, long lines, int carry) implements ChunkedInput.Part {}

  static List<Seen> chunked(byte[] bytes, int chunkBytes, int workers) throws IOException {
    List<Seen> out = new ArrayList<>();
    List<Integer> discarded = new ArrayList<>();
    try (ChunkedInput in = new ChunkedInput(new ByteArrayInputStream(bytes), chunkBytes)) {
      out.add(new Seen(1, null, List.of(in.header(','))));
      in.process(workers, chunk -> {
        DelimitedReader r = new DelimitedReader(chunk, ',', 0);
        List<Seen> records = new ArrayList<>();
        while (r.next()) {
          records.add(seen(r, 0));
        }
        return new Part(records, r.linesRead(), r.carry());
      }, (part, before) -> part.records().forEach(s -> out.add(new Seen(s.line() + before, s.malformation(), s.fields()))),
          (part, chunk) -> discarded.add(part.records().size()));
    }
    return out;
  }

  @Provide
  Arbitrary<String> csv() {
    Arbitrary<String> plain = Arbitraries.strings().withChars("abé1 ").ofMaxLength(6);
    Arbitrary<String> quoted = Arbitraries.strings().withChars("ab,\n\"é").ofMaxLength(8)
        .map(v -> "\"" + v.replace("\"", "\"\"") + "\"");
    Arbitrary<String> odd = Arbitraries.of("a\"b", "\"open", "\"x\"y", "");
    Arbitrary<String> field = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, plain), net.jqwik.api.Tuple.of(3, quoted), net.jqwik.api.Tuple.of(1, odd));
    Arbitrary<String> record = field.list().ofMinSize(1).ofMaxSize(4).map(f -> String.join(",", f));
    Arbitrary<String> ending = Arbitraries.of("\n", "\n", "\r\n");
    return net.jqwik.api.Combinators.combine(record.list().ofMaxSize(30), ending.list().ofSize(30), Arbitraries.of(true, false))
        .as((records, endings, finalBreak) -> {
          StringBuilder sb = new StringBuilder("\uFEFFa,b,c\n");
          for (int i = 0; i < records.size(); i++) {
            sb.append(records.get(i));
            if (i < records.size() - 1 || finalBreak) {
              sb.append(endings.get(i));
            }
          }
          return sb.toString();
        });
  }

  @Property(tries = 400, seed = "20261128")
  void chunkedReadEqualsSequentialRead(@ForAll("csv") String text, @ForAll @IntRange(min = 16, max = 80) int chunk,
      @ForAll @IntRange(min = 1, max = 2) int workers) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(chunked(bytes, chunk, workers)).isEqualTo(sequential(bytes));
  }

  @Test
  void quotedLineBreakAcrossACutIsReadAgainWithTheNextChunk() throws IOException {
    String text = "a,b\n1,\"first\nsecond\nthird\"\n2,x\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Seen> seen = chunked(bytes, 16, 2);
    assertThat(seen).isEqualTo(sequential(bytes));
    assertThat(seen.get(1)).isEqualTo(new Seen(2, null, List.of("1", "first\nsecond\nthird")));
    assertThat(seen.get(2)).isEqualTo(new Seen(5, null, List.of("2", "x")));
  }

  @Test
  void anUnclosedQuoteSpoilsOneLineOnlyNotTheRestOfTheFile() throws IOException {
    StringBuilder text = new StringBuilder("a,b\n1,\"never closed\n");
    for (int i = 2; i <= 40; i++) {
      text.append(i).append(",x\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    List<Seen> seen = chunked(bytes, 32, 2);
    assertThat(seen).isEqualTo(sequential(bytes));
    assertThat(seen.get(1).malformation()).isEqualTo("guillemets mal formés");
    assertThat(seen.get(1).line()).isEqualTo(2);
    assertThat(seen).hasSize(41);
    assertThat(seen.get(40)).isEqualTo(new Seen(41, null, List.of("40", "x")));
  }
}
