package fr.quartiersproductifs.csv;

import java.nio.charset.Charset;

/**
 * How a CSV file is written, so that the output of a batch can be written the same way.
 *
 * @param delimiter {@code ,}, {@code ;} or tab
 * @param charset UTF-8 or windows-1252
 * @param bom whether the file starts with a UTF-8 byte order mark
 * @param lineSeparator {@code \r\n} or {@code \n}, as in the input
 */
public record CsvDialect(char delimiter, Charset charset, boolean bom, String lineSeparator) {

  public String describe() {
    String d =
        switch (delimiter) {
          case '\t' -> "tabulation";
          case ';' -> "point-virgule";
          default -> "virgule";
        };
    return "séparateur " + d + ", encodage " + charset.name() + (bom ? " avec BOM" : "");
  }
}
