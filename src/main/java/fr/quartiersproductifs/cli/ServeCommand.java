package fr.quartiersproductifs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code qp serve}: starts the HTTP server (port 8080 by default, {@code SERVER_PORT}). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Démarre le serveur HTTP (API, interface, OpenAPI sur /v3/api-docs).")
public final class ServeCommand implements Callable<Integer> {
  /** Exit code meaning "the server runs on; do not exit the JVM". */
  static final int KEEP_RUNNING = -1;

  @Mixin SpringLauncher launcher;

  @Option(names = "--port", description = "Port HTTP (défaut : 8080 ou SERVER_PORT).")
  Integer port;

  @Option(
      names = "--demo",
      description = "Charge le programme de démonstration (fictif) dans une base vide.")
  boolean demo;

  @Unmatched List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>(springArgs);
    if (port != null) {
      args.add("--server.port=" + port);
    }
    if (demo) {
      args.add("--qp.demo=true");
    }
    launcher.start(true, args);
    return KEEP_RUNNING;
  }
}
