package fr.quartiersproductifs.economy.sirene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.quartiersproductifs.dataset.ImportIssue;
import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.shared.QpException;
import fr.quartiersproductifs.support.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {
  static final Path STOCK = SharedData.file("samples/sirene/StockEtablissement_echantillon.csv");
  static final Path GEO = SharedData.file("samples/sirene/GeolocalisationEtablissement_echantillon.csv");

  private static InputStream utf8(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void quotedFieldsEscapesAndLineBreaksKeepLineNumbers() throws IOException {
    String text = "\uFEFFa,b,c\r\n1,\"x,y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\n3,,\n";
    try (DelimitedReader r = new DelimitedReader(utf8(text), ',')) {
      assertThat(r.readHeader()).containsExactly("a", "b", "c");
      assertThat(r.next()).isTrue();
      assertThat(r.lineNumber()).isEqualTo(2);
      assertThat(r.field(1)).isEqualTo("x,y");
      assertThat(r.field(2)).isEqualTo("say \"hi\"");
      assertThat(r.next()).isTrue();
      assertThat(r.field(1)).isEqualTo("two\nlines");
      assertThat(r.lineNumber()).isEqualTo(3);
      assertThat(r.next()).isTrue();
      assertThat(r.lineNumber()).isEqualTo(5);
      assertThat(r.fieldCount()).isEqualTo(3);
      assertThat(r.isEmpty(2)).isTrue();
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void datesAsLocalDateParseLikeTheIsoText() throws IOException {
    String[] values = {"2008-08-31", " 2021-03-04 ", "2008-02-30", "2008-13-01", "2008-1-01", "20080831", "", "2024-02-29",
        "2023-02-29", "0000-01-01", "2008-08-3x"};
    try (DelimitedReader r = new DelimitedReader(utf8(String.join(";", values) + "\n"), ';')) {
      r.next();
      for (int i = 0; i < values.length; i++) {
        java.time.LocalDate expected;
        try {
          expected = java.time.LocalDate.parse(values[i].trim());
        } catch (java.time.format.DateTimeParseException e) {
          expected = null;
        }
        assertThat(r.date(i)).as(values[i]).isEqualTo(expected);
      }
    }
  }

  @Test
  void addressOnOneLine() throws IOException {
    // complement, numero, indice, type, libelle, code postal, commune
    String text = "BAT A,55,B,RUE,DE FORBIN,13002,MARSEILLE 2\n,12,, AV , JEAN JAURÈS ,,\n,,,,,,\n";
    int[] columns = {0, 1, 2, 3, 4, 5, 6};
    boolean[] glued = {false, false, true, false, false, false, false};
    try (DelimitedReader r = new DelimitedReader(utf8(text), ',')) {
      r.next();
      assertThat(r.joined(columns, glued)).isEqualTo("BAT A 55B RUE DE FORBIN 13002 MARSEILLE 2");
      r.next();
      assertThat(r.joined(columns, glued)).isEqualTo("12 AV JEAN JAURÈS");
      r.next();
      assertThat(r.joined(columns, glued)).isNull();
    }
  }

  @Test
  void numbersAndDates() throws IOException {
    try (DelimitedReader r = new DelimitedReader(utf8("892251.5;-12,25;2008-08-31;2008-13-01;1e3\n"), ';')) {
      r.next();
      assertThat(r.decimal(0)).isEqualTo(892251.5);
      assertThat(r.decimal(1)).isEqualTo(-12.25);
      assertThat(r.year(2)).isEqualTo(2008);
      assertThat(r.year(3)).isEqualTo(-1);
      assertThat(r.decimal(4)).isEqualTo(1000.0);
    }
  }

  /**
   * The codes a stock row is counted by, read from the field's bytes without decoding them (a word
   * at a time where the record has eight bytes from the field on, byte by byte at its end): the
   * commune as a dense number, the NAF nomenclature, the NAF code packed.
   */
  @Test
  void stockCodesAreReadFromTheirBytes() throws IOException {
    String header = "siret,statutDiffusionEtablissement,dateCreationEtablissement,trancheEffectifsEtablissement,"
        + "codeCommuneEtablissement,dateDebut,etatAdministratifEtablissement,activitePrincipaleEtablissement,"
        + "nomenclatureActivitePrincipaleEtablissement\n";
    String rows = """
        39009842400034,O,2008-08-31,,13055,2008-08-31,A,56.30Z,NAFRev2
        39009842400035,O,2008-08-31,,2A004,2008-08-31,A,56.30Z,NAFRev1
        39009842400036,O,2008-08-31,,2B033,2008-08-31,A,56.30Z,NAFRev21
        39009842400037,O,2008-08-31,,97411,2008-08-31,A,56.30Z,
        39009842400038,O,2008-08-31,,2C004,2008-08-31,A,56.30Z,nafrev2
        39009842400039,O,2008-08-31,,13O55,2008-08-31,A,56.30Z,NAFRev
        39009842400040,O,2008-08-31,,,2008-08-31,A,56.30Z,NAFRev2
        39009842400041,O,2008-08-31,,01001,2008-08-31,A,01.11Z,NAFRev2""";
    record Row(long siret, int commune, boolean nafRev2, long nafKey) {}
    java.util.List<Row> read = new java.util.ArrayList<>();
    ImportReport report = new ImportReport();
    try (StockReader s = new StockReader(utf8(header + rows), report)) {
      while (s.next()) {
        read.add(new Row(s.siret(), s.communeNumber(), s.nafRev2(), s.nafKey()));
      }
    }
    long naf5630 = 0x35_36_2E_33_30_5AL; // "56.30Z", first byte most significant
    long naf0111 = 0x30_31_2E_31_31_5AL; // "01.11Z", the last field of the text: read byte by byte
    assertThat(report.rejected()).isZero();
    assertThat(read).containsExactly(
        new Row(39009842400034L, 13055, true, naf5630),
        new Row(39009842400035L, 100_004, false, naf5630),
        new Row(39009842400036L, 101_033, false, naf5630),
        new Row(39009842400037L, 97411, true, naf5630),
        new Row(39009842400038L, -1, false, naf5630),
        new Row(39009842400039L, -1, false, naf5630),
        new Row(39009842400040L, -1, true, naf5630),
        new Row(39009842400041L, 1001, true, naf0111));
  }

  @Test
  void readsTheWholeRealStockSample() throws IOException {
    ImportReport report = new ImportReport();
    int rows = 0;
    int marseille = 0;
    try (StockReader s = new StockReader(SireneFiles.open(STOCK, null), report)) {
      while (s.next()) {
        rows++;
        String c = s.communeCode();
        if (c != null && c.compareTo("13201") >= 0 && c.compareTo("13216") <= 0) {
          marseille++;
        }
      }
    }
    // wc -l = 22605 lines (header + 22,604 rows, no quoted line breaks); python csv gives 22,604
    // rows, all well-formed, 976 of them with codeCommuneEtablissement in 13201..13216.
    assertThat(rows).isEqualTo(22_604);
    assertThat(report.rejected()).isZero();
    assertThat(marseille).isEqualTo(976);
  }

  @Test
  void badRowsAreReportedWithTheirLineNumberAndReason(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("stock.csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      Files.copy(STOCK, out);
      out.write("123,456,12345,O,2020-01-01\n".getBytes(StandardCharsets.UTF_8));
    }
    ImportReport report = new ImportReport();
    int rows = 0;
    try (StockReader s = new StockReader(SireneFiles.open(file, null), report)) {
      while (s.next()) {
        rows++;
      }
    }
    assertThat(rows).isEqualTo(22_604);
    assertThat(report.rowsRead()).isEqualTo(22_605);
    assertThat(report.issues())
        .containsExactly(
            new ImportIssue(
                22_606, ImportIssue.Severity.REJETEE, null,
                "nombre de champs incorrect (5 au lieu de 48)"));
  }

  @Test
  void readsGzipAndZipAndTheGeoLayout(@TempDir Path dir) throws IOException {
    Path gz = dir.resolve("geo.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(GEO, out);
    }
    Path zip = dir.resolve("geo.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("GeolocalisationEtablissement.csv"));
      Files.copy(GEO, out);
      out.closeEntry();
    }
    // The CSV's size, which sizes the import up front: known for the file and the zip, not the gzip.
    assertThat(SireneFiles.csvSize(GEO)).isEqualTo(Files.size(GEO));
    assertThat(SireneFiles.csvSize(zip)).isEqualTo(Files.size(GEO));
    assertThat(SireneFiles.csvSize(gz)).isEqualTo(-1);
    for (Path f : new Path[] {GEO, gz, zip}) {
      ImportReport report = new ImportReport();
      int rows = 0;
      double firstX = 0;
      try (GeoReader g = new GeoReader(SireneFiles.open(f, null), report)) {
        while (g.next()) {
          if (rows++ == 0) {
            firstX = g.x();
            assertThat(g.siret()).isEqualTo(39009842400034L);
            assertThat(g.epsg()).isEqualTo(2154);
            assertThat(g.quality()).isEqualTo(-1);
            assertThat(g.plgQp24()).isNull();
          }
        }
      }
      assertThat(rows).as(f.toString()).isEqualTo(22_330);
      assertThat(firstX).isEqualTo(892251.5);
      assertThat(report.rejected()).isZero();
    }
  }

  /** Decompressed on a thread of its own: a truncated archive must fail, never end early and cleanly. */
  @Test
  void aTruncatedArchiveFailsInsteadOfEndingEarly(@TempDir Path dir) throws IOException {
    java.io.ByteArrayOutputStream gzBytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gzBytes)) {
      Files.copy(GEO, out);
    }
    java.io.ByteArrayOutputStream zipBytes = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zipBytes)) {
      out.putNextEntry(new ZipEntry("GeolocalisationEtablissement.csv"));
      Files.copy(GEO, out);
      out.closeEntry();
    }
    long whole = Files.size(GEO);
    for (var c : java.util.Map.of("geo.csv.gz", gzBytes.toByteArray(), "geo.zip", zipBytes.toByteArray()).entrySet()) {
      Path f = dir.resolve(c.getKey());
      Files.write(f, java.util.Arrays.copyOf(c.getValue(), c.getValue().length / 2));
      byte[] buffer = new byte[1 << 16];
      long[] read = {0};
      assertThatThrownBy(() -> {
        try (var in = SireneFiles.open(f, null)) {
          for (int n; (n = in.read(buffer)) >= 0; ) {
            read[0] += n;
          }
        }
      }).as(c.getKey()).isInstanceOf(IOException.class)
          .hasMessageStartingWith("archive " + c.getKey() + " illisible (tronquée ou corrompue ?) : ");
      assertThat(read[0]).as(c.getKey()).isPositive().isLessThan(whole);
    }
    // Not an archive at all, under an archive's name: named too, at once.
    Path notGzip = Files.writeString(dir.resolve("pas-gzip.csv.gz"), "siret;x;y\n");
    assertThatThrownBy(() -> SireneFiles.open(notGzip, null))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("archive pas-gzip.csv.gz illisible (tronquée ou corrompue ?) : ");
  }

  @Test
  void wgs84ColumnsAreReadOnRequestPastTheLastColumnReadOnEveryRow() throws IOException {
    String header = "siret;x;y;qualite_xy;epsg;plg_qp24;plg_code_commune;y_latitude;x_longitude\n";
    String rows = "20005132400016;7732021.6;740707.5;;2154;;97616;-12.847515;45.100640\n"
        + "39009842400034;892251.5;6247972.5;11;2154;HZ;13202;abc;5.368438\n"
        + "39009842400042;892251.5;6247972.5;11;2154;HZ;13202;;\n";
    double[] lonLat = new double[2];
    java.util.List<String> seen = new java.util.ArrayList<>();
    try (GeoReader g = new GeoReader(utf8(header + rows), new ImportReport())) {
      g.r.locateUpTo(g.lastColumn()); // as the import reads it
      while (g.next()) {
        seen.add(g.wgs84(lonLat) ? lonLat[0] + " " + lonLat[1] : "none");
        seen.add(g.siret() + " " + g.plgQp24() + " " + g.lineNumber());
      }
    }
    assertThat(seen).containsExactly("45.10064 -12.847515", "20005132400016 null 2", "none",
        "39009842400034 HZ 3", "none", "39009842400042 HZ 4");
    try (GeoReader g = new GeoReader(utf8("siret;x;y;qualite_xy;epsg\n20005132400016;1;2;11;2154\n"), new ImportReport())) {
      assertThat(g.next()).isTrue();
      assertThat(g.wgs84(lonLat)).isFalse(); // the file has no such columns
    }
  }

  @Test
  void missingColumnFailsFastNamingIt() {
    assertThatThrownBy(() -> new GeoReader(utf8("siret;x;y;epsg\n"), new ImportReport()))
        .isInstanceOf(QpException.class)
        .hasMessageContaining("qualite_xy");
  }
}
