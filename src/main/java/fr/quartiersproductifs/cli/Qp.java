package fr.quartiersproductifs.cli;

import picocli.CommandLine;

/** Entry point of the {@code qp} program: parses the command line, then runs one subcommand. */
public final class Qp {
  private Qp() {}

  public static void main(String[] args) {
    int exit = QpCommand.newCommandLine().execute(args);
    if (exit != ServeCommand.KEEP_RUNNING) {
      System.exit(exit);
    }
  }

  /** Runs a command line in-process and returns its exit code (used by tests). */
  public static int run(String... args) {
    CommandLine cl = QpCommand.newCommandLine();
    return cl.execute(args);
  }
}
