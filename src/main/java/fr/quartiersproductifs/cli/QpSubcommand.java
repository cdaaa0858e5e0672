package fr.quartiersproductifs.cli;

/**
 * A subcommand contributed by a feature package, found with {@link java.util.ServiceLoader} (listed
 * in {@code META-INF/services/fr.quartiersproductifs.cli.QpSubcommand}).
 */
public interface QpSubcommand {
  /** Name of the parent command ({@code "import"}, ...), or null (the default) for a top-level command. */
  default String parent() {
    return null;
  }

  /** A new picocli command object (annotated with {@code @Command}), or null. */
  Object command();

  /** Further commands registered under explicit names (name → picocli command object). */
  default java.util.Map<String, Object> namedCommands() {
    return java.util.Map.of();
  }
}
