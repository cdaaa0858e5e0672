package fr.quartiersproductifs.geography.cli;

import fr.quartiersproductifs.cli.QpSubcommand;
import fr.quartiersproductifs.geography.imports.ReferenceKind;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Registers the geography commands ({@code localiser}, {@code import <référentiel>}). */
public final class GeographySubcommands {
  private GeographySubcommands() {}

  /** {@code qp localiser}. */
  public static final class Localiser implements QpSubcommand {
    @Override
    public Object command() {
      return new LocaliserCommand();
    }
  }

  /** {@code qp import referentiels}, and one {@code qp import <kind>} per reference kind. */
  public static final class Imports implements QpSubcommand {
    @Override
    public String parent() {
      return "import";
    }

    @Override
    public Object command() {
      return new ImportReferenceCommands.All();
    }

    @Override
    public Map<String, Object> namedCommands() {
      Map<String, Object> commands = new LinkedHashMap<>();
      for (ReferenceKind kind : ReferenceKind.values()) {
        CommandLine one = new CommandLine(new ImportReferenceCommands.One(kind));
        one.getCommandSpec().usageMessage().description("Importe " + kind.description() + ".");
        commands.put(kind.cliName(), one);
      }
      return commands;
    }
  }
}
