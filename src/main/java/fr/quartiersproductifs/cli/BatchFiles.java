package fr.quartiersproductifs.cli;

import fr.quartiersproductifs.shared.QpException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files of a batch command ({@code --entree}, {@code --sortie}, {@code -} for the standard
 * streams). The output is written beside its target and renamed at the end, so that a failed run
 * never leaves a half-written file; {@code Files.newOutputStream} honours the umask, where a
 * temporary file would be private to its owner.
 */
public final class BatchFiles {
  private BatchFiles() {}

  /** Reads the input, writes the output, returns what the batch reports. */
  @FunctionalInterface
  public interface Transform<T> {
    T apply(InputStream in, OutputStream out) throws IOException;
  }

  /** Fails with a clear message (exit code 2) when the input file does not exist. */
  public static void requireInput(String input) {
    if (!input.equals("-") && !Files.isRegularFile(Path.of(input))) {
      throw QpException.invalid("Fichier d'entrée introuvable : " + input);
    }
  }

  /** The input's name for receipts: its file name, or "entrée standard". */
  public static String inputName(String input) {
    return input.equals("-") ? "entrée standard" : Path.of(input).getFileName().toString();
  }

  public static <T> T transform(String input, String output, Transform<T> transform) throws IOException {
    try (InputStream in =
        new BufferedInputStream(input.equals("-") ? System.in : Files.newInputStream(Path.of(input)), 1 << 17)) {
      if (output.equals("-")) {
        OutputStream out = new BufferedOutputStream(new KeepOpen(System.out), 1 << 16);
        T result = transform.apply(in, out);
        out.flush();
        return result;
      }
      Path target = Path.of(output).toAbsolutePath();
      Path partial = target.resolveSibling("." + target.getFileName() + ".partiel");
      T result;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
        result = transform.apply(in, out);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return result;
    }
  }

  /** Standard output stays open after the batch (for the summary and the caller). */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
