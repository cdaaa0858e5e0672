package fr.quartiersproductifs.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReadingTest {

  static List<CsvRecordReader.Record> read(String text, char delimiter) throws IOException {
    CsvRecordReader reader = new CsvRecordReader(new StringReader(text), delimiter);
    List<CsvRecordReader.Record> records = new ArrayList<>();
    CsvRecordReader.Record r;
    while ((r = reader.next()) != null) {
      records.add(r);
    }
    return records;
  }

  @Test
  void quoted_fields_with_delimiters_quotes_and_newlines() throws IOException {
    var records = read("a,b\n\"x, y\",\"il a dit \"\"oui\"\"\"\n\"deux\nlignes\",z\n", ',');
    assertThat(records).hasSize(3);
    assertThat(records.get(1).fields()).containsExactly("x, y", "il a dit \"oui\"");
    assertThat(records.get(2).fields()).containsExactly("deux\nlignes", "z");
    assertThat(records.get(2).lineNumber()).isEqualTo(3);
  }

  @Test
  void an_unclosed_quote_breaks_one_line_only() throws IOException {
    StringBuilder text = new StringBuilder("id;nom\n1;\"ouvert\n");
    for (int i = 2; i <= 30; i++) {
      text.append(i).append(";nom").append(i).append('\n');
    }
    var records = read(text.toString(), ';');
    assertThat(records).hasSize(31);
    assertThat(records.get(1).malformed()).isTrue();
    assertThat(records.get(1).fields()).containsExactly("1", "ouvert");
    assertThat(records.get(2).fields()).containsExactly("2", "nom2");
    assertThat(records.get(2).lineNumber()).isEqualTo(3);
    assertThat(records.get(30).lineNumber()).isEqualTo(31);
  }

  @Test
  void blank_lines_crlf_and_missing_final_newline() throws IOException {
    var records = read("a;b\r\n\r\n1;2\r\n3;4", ';');
    assertThat(records).extracting(CsvRecordReader.Record::blank).containsExactly(false, true, false, false);
    assertThat(records.get(3).fields()).containsExactly("3", "4");
  }

  @Test
  void dialects_are_detected() {
    byte[] excel = "nom;lon;lat\r\nÉcole;5,37;43,29\r\n".getBytes(CsvDialectDetector.WINDOWS_1252);
    CsvDialect d = CsvDialectDetector.detect(excel, excel.length);
    assertThat(d.delimiter()).isEqualTo(';');
    assertThat(d.charset()).isEqualTo(CsvDialectDetector.WINDOWS_1252);
    assertThat(d.lineSeparator()).isEqualTo("\r\n");
    byte[] bom = "\uFEFFa\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8);
    CsvDialect t = CsvDialectDetector.detect(bom, bom.length);
    assertThat(t.delimiter()).isEqualTo('\t');
    assertThat(t.bom()).isTrue();
    assertThat(t.charset()).isEqualTo(StandardCharsets.UTF_8);
    byte[] commas = "nom,adresse\n\"Dupont; SARL\",\"1; rue\"\n".getBytes(StandardCharsets.UTF_8);
    assertThat(CsvDialectDetector.detect(commas, commas.length).delimiter()).isEqualTo(',');
  }

  @Test
  void windows_1252_accents_after_the_detection_window_are_not_lost() throws IOException {
    // Regression: detected as UTF-8 on its first 64 KB, a windows-1252 "è" further down became U+FFFD.
    java.io.ByteArrayOutputStream in = new java.io.ByteArrayOutputStream();
    in.write("id;nom;lon;lat\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 3000; i++) {
      in.write((i + ";Ecole " + i + ";5,37;43,29\n").getBytes(StandardCharsets.US_ASCII));
    }
    in.write("3000;Crèche « municipale »;5,37;43,29\n".getBytes(CsvDialectDetector.WINDOWS_1252));
    in.write("3001;Crèche en UTF-8 ✓;5,37;43,29\n".getBytes(StandardCharsets.UTF_8));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (CsvBatchIo io = new CsvBatchIo(new java.io.ByteArrayInputStream(in.toByteArray()), out, List.of("x"))) {
      assertThat(io.dialect().charset()).isEqualTo(StandardCharsets.UTF_8);
      io.writeHeader();
      CsvRecordReader.Record r;
      while ((r = io.next()) != null) {
        io.write(r.fields(), List.of("ok"));
      }
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("3000;Crèche « municipale »;").contains("3001;Crèche en UTF-8 ✓;").doesNotContain("\uFFFD");
    assertThat(text.lines()).hasSize(3003);
  }

  @Test
  void numbers_as_people_write_them() {
    assertThat(CsvBatchIo.parseNumber("5,3684")).isEqualTo(5.3684);
    assertThat(CsvBatchIo.parseNumber(" 43.29 ")).isEqualTo(43.29);
    assertThat(CsvBatchIo.parseNumber("769\u00a0588,62")).isEqualTo(769588.62);
    assertThat(CsvBatchIo.parseNumber("-0,5")).isEqualTo(-0.5);
    assertThat(CsvBatchIo.parseNumber("abc")).isNaN();
    assertThat(CsvBatchIo.parseNumber("1,234,5")).isNaN();
    assertThat(CsvBatchIo.parseNumber("1.2,3")).isNaN();
    assertThat(CsvBatchIo.parseNumber("12d")).isNaN();
    assertThat(CsvBatchIo.parseNumber("NaN")).isNaN();
    assertThat(CsvBatchIo.parseNumber("")).isNaN();
  }
}
