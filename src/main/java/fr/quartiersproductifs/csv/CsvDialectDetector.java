package fr.quartiersproductifs.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Detects the dialect of a CSV file from its first bytes: UTF-8 (with or without BOM) or
 * windows-1252 (what Excel writes on French Windows), delimiter among comma, semicolon and tab
 * (the one that splits the first lines into the most consistent number of columns), and line
 * separator.
 */
public final class CsvDialectDetector {
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final char[] CANDIDATES = {';', ',', '\t'};

  private CsvDialectDetector() {}

  /** @param head the first bytes of the file (64 KB is plenty) */
  public static CsvDialect detect(byte[] head, int length) {
    boolean bom =
        length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
    int offset = bom ? 3 : 0;
    Charset charset = bom || isUtf8(head, offset, length) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    String text = new String(head, offset, length - offset, charset);
    String lineSeparator = text.contains("\r\n") ? "\r\n" : "\n";
    return new CsvDialect(delimiter(text), charset, bom, lineSeparator);
  }

  private static boolean isUtf8(byte[] bytes, int offset, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // A multi-byte sequence may be cut at the end of the sample: ignore the last 3 bytes.
    int end = length;
    if (length - offset > 4) {
      end = length - 3;
      while (end > offset && (bytes[end] & 0xC0) == 0x80) {
        end--;
      }
    }
    try {
      decoder.decode(ByteBuffer.wrap(bytes, offset, end - offset));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static char delimiter(String text) {
    String[] lines = text.split("\r?\n", 21);
    int usable = Math.min(lines.length, 20);
    char best = ',';
    double bestScore = -1;
    for (char c : CANDIDATES) {
      int header = count(lines[0], c);
      if (header == 0) {
        continue;
      }
      int consistent = 0;
      int considered = 0;
      for (int i = 1; i < usable; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        considered++;
        if (count(lines[i], c) == header) {
          consistent++;
        }
      }
      double score = header * (considered == 0 ? 1.0 : (consistent + 1.0) / (considered + 1.0));
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }

  /** Occurrences of the delimiter outside double quotes. */
  private static int count(String line, char c) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == c && !quoted) {
        n++;
      }
    }
    return n;
  }

}
