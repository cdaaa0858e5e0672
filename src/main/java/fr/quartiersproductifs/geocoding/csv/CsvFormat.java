package fr.quartiersproductifs.geocoding.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The dialect of an uploaded CSV, guessed from its first 64 KiB: encoding (UTF-8, with or without
 * BOM, else Windows-1252), field separator ({@code ;}, {@code ,}, tab or {@code |}, the most
 * frequent outside quotes on the first line) and line ending. The output is written in the same
 * dialect. (To be replaced by the shared {@code fr.quartiersproductifs.csv.CsvDialect} when it is
 * available.)
 */
public record CsvFormat(Charset charset, boolean bom, char separator, String lineEnd) {
  static final int SNIFF = 64 * 1024;

  /** Reads the dialect; the stream is reset to its start (BOM skipped). */
  public static CsvFormat detect(BufferedInputStream in) throws IOException {
    in.mark(SNIFF + 8);
    byte[] head = in.readNBytes(SNIFF);
    in.reset();
    boolean bom = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
    if (bom) {
      in.skipNBytes(3);
      head = Arrays.copyOfRange(head, 3, head.length);
    }
    Charset charset = bom || isUtf8(head, head.length == SNIFF) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
    String text = new String(head, charset);
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    String lineEnd = nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    char sep = separatorOf(first);
    return new CsvFormat(charset, bom, sep, lineEnd);
  }

  static char separatorOf(String line) {
    char[] seps = {';', ',', '\t', '|'};
    int[] counts = new int[seps.length];
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        for (int k = 0; k < seps.length; k++) {
          if (c == seps[k]) {
            counts[k]++;
          }
        }
      }
    }
    int best = 0;
    for (int k = 1; k < seps.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return counts[best] == 0 ? ',' : seps[best];
  }

  /** Whether the bytes decode as UTF-8 (a sequence cut at the end of a truncated sample is fine). */
  static boolean isUtf8(byte[] bytes, boolean truncated) {
    int len = bytes.length;
    if (truncated) {
      // drop a multi-byte sequence possibly cut by the sample limit
      int i = len - 1;
      int back = 0;
      while (i >= 0 && back < 3 && (bytes[i] & 0xC0) == 0x80) {
        i--;
        back++;
      }
      if (i >= 0 && (bytes[i] & 0xC0) == 0xC0) {
        len = i;
      }
    }
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer unused = d.decode(ByteBuffer.wrap(bytes, 0, len));
      return unused != null;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  public static InputStream buffered(InputStream in) {
    return in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, SNIFF * 2);
  }
}
