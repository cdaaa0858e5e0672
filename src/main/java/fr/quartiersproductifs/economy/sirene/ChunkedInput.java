package fr.quartiersproductifs.economy.sirene;

import fr.quartiersproductifs.shared.QpException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A delimited file read as chunks that end at line ends, parsed in parallel and consumed in file
 * order (ADR 0033). The calling thread reads (and decompresses) the stream, hands chunks to worker
 * threads, and merges their results in order, giving each its first line number; so line numbers,
 * "last row wins" rules and output order are exactly those of a sequential read.
 *
 * <p>A quoted line break at a cut makes the chunk's last record continue in the next chunk: the
 * worker cannot know it and says so ({@link Part#carry()}); the result of the next chunk, parsed
 * on a wrong assumption, is then thrown away and the two are parsed again together on the calling
 * thread. SIRENE files have no quoted line breaks, so this never costs anything there.
 *
 * <p>Not thread-safe: one instance per file, driven from one thread.
 */
public final class ChunkedInput implements Closeable {
  /** Chunk size of the imports; tests use tiny chunks to cross every cut. */
  public static final int DEFAULT_CHUNK_BYTES = 4 << 20;
  private static final int MAX_LINE_BYTES = 64 << 20;

  private final InputStream in;
  private final int chunkBytes;
  private final ArrayDeque<byte[]> pool = new ArrayDeque<>();
  private byte[] tail = new byte[0];
  private int tailLength;
  private boolean eof;
  private boolean first = true;
  private boolean done;
  private DelimitedReader.Chunk headerRest;

  public ChunkedInput(InputStream in, int chunkBytes) {
    this.in = in;
    this.chunkBytes = chunkBytes;
  }

  /** The result of one chunk: the lines it consumed and where its unfinished record starts. */
  public interface Part {
    /** Physical lines consumed, the carried record excluded. */
    long lines();

    /** Offset in the chunk of a record that may continue in the next chunk, or -1. */
    int carry();
  }

  /** The work done on one chunk, on a worker thread; line numbers local to the chunk (from 1). */
  @FunctionalInterface
  public interface Work<R extends Part> {
    R apply(DelimitedReader.Chunk chunk) throws IOException;
  }

  /**
   * Receives the results in file order with the number of lines before the chunk. It owns
   * the part from then on: {@link ChunkedInput} reads nothing from it afterwards.
   */
  @FunctionalInterface
  public interface Merge<R extends Part> {
    void accept(R part, long linesBefore) throws IOException;
  }

  /**
   * Told, on the calling thread, of a part thrown away because its chunk was parsed on a wrong
   * assumption (the previous record continued into it); with that chunk, so that any effect the
   * work had outside the part can be taken back.
   */
  @FunctionalInterface
  public interface Discard<R extends Part> {
    void accept(R part, DelimitedReader.Chunk chunk) throws IOException;
  }

  /** Reads the header line (the first record). Call once, before {@link #process}. */
  public String[] header(char delimiter) throws IOException {
    DelimitedReader.Chunk c = nextChunk();
    if (c == null) {
      return new String[0];
    }
    DelimitedReader r = new DelimitedReader(c, delimiter, 0);
    String[] h = r.readHeader();
    if (r.carry() >= 0) {
      throw QpException.invalid("En-tête illisible : guillemets non fermés.");
    }
    headerRest = new DelimitedReader.Chunk(c.data(), r.position(), c.to(), c.last());
    return h;
  }

  /**
   * Parses every chunk after the header with {@code workers} threads (the calling thread alone when
   * 1) and merges the results in order. The header counts as line 1.
   */
  public <R extends Part> void process(int workers, Work<R> work, Merge<R> merge, Discard<R> discard)
      throws IOException {
    ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "sirene-chunk");
      t.setDaemon(true);
      return t;
    }) : null;
    record InFlight<R>(DelimitedReader.Chunk chunk, Future<R> result) {}
    ArrayDeque<InFlight<R>> inFlight = new ArrayDeque<>();
    int maxInFlight = Math.max(2, workers * 2 + 1);
    long lines = 1;
    byte[] carried = null;
    try {
      while (true) {
        while (inFlight.size() < maxInFlight) {
          DelimitedReader.Chunk c = headerRest != null ? headerRest : nextChunk();
          headerRest = null;
          if (c == null) {
            break;
          }
          Callable<R> task = () -> work.apply(c);
          inFlight.add(new InFlight<>(c, pool == null ? done(task) : pool.submit(task)));
        }
        InFlight<R> next = inFlight.poll();
        if (next == null) {
          break;
        }
        DelimitedReader.Chunk chunk = next.chunk();
        R part = await(next.result());
        if (carried != null) {
          // The previous chunk's last record continues here: parse the two together, here.
          discard.accept(part, chunk);
          byte[] joined = Arrays.copyOf(carried, carried.length + chunk.to() - chunk.from());
          System.arraycopy(chunk.data(), chunk.from(), joined, carried.length, chunk.to() - chunk.from());
          chunk = new DelimitedReader.Chunk(joined, 0, joined.length, chunk.last());
          part = work.apply(chunk);
        }
        // Read the part before merging it: the merge owns it from then on.
        long partLines = part.lines();
        int carry = part.carry();
        merge.accept(part, lines);
        lines += partLines;
        carried = carry >= 0 ? Arrays.copyOfRange(chunk.data(), carry, chunk.to()) : null;
        if (next.chunk().data().length == chunkBytes) {
          this.pool.push(next.chunk().data());
        }
      }
      if (carried != null) {
        R part = work.apply(new DelimitedReader.Chunk(carried, 0, carried.length, true));
        merge.accept(part, lines);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private static <R> Future<R> done(Callable<R> task) throws IOException {
    try {
      return java.util.concurrent.CompletableFuture.completedFuture(task.call());
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static <R> R await(Future<R> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrompu", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The next chunk: whole lines, except the last chunk of the file, which ends where the file ends
   * and is flagged {@code last} (possibly empty). Null after it.
   */
  DelimitedReader.Chunk nextChunk() throws IOException {
    if (done) {
      return null;
    }
    byte[] buf = pool.isEmpty() ? new byte[Math.max(chunkBytes, tailLength * 2)] : pool.pop();
    if (buf.length < tailLength * 2) {
      buf = new byte[tailLength * 2];
    }
    System.arraycopy(tail, 0, buf, 0, tailLength);
    int length = tailLength;
    tailLength = 0;
    while (true) {
      if (!eof) {
        int n = in.readNBytes(buf, length, buf.length - length);
        length += n;
        eof = length < buf.length;
      }
      int start = 0;
      if (first) {
        first = false;
        if (length >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
          start = 3;
        }
      }
      if (eof) {
        done = true;
        return new DelimitedReader.Chunk(buf, start, length, true);
      }
      int cut = length - 1;
      while (cut >= start && buf[cut] != '\n') {
        cut--;
      }
      if (cut >= start) {
        tailLength = length - cut - 1;
        if (tail.length < tailLength) {
          tail = new byte[Math.max(tailLength, 1024)];
        }
        System.arraycopy(buf, cut + 1, tail, 0, tailLength);
        return new DelimitedReader.Chunk(buf, start, cut + 1, false);
      }
      if (buf.length >= MAX_LINE_BYTES) {
        throw QpException.invalid("Ligne de plus de " + (MAX_LINE_BYTES >> 20) + " Mio : fichier illisible.");
      }
      buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than a chunk
      if (start == 3) {
        first = true; // the BOM is still there: skip it on the next turn
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
