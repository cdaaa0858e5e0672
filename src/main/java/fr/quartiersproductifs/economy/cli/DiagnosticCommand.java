package fr.quartiersproductifs.economy.cli;

import fr.quartiersproductifs.cli.QpSubcommand;
import fr.quartiersproductifs.cli.SpringLauncher;
import fr.quartiersproductifs.economy.Diagnostic;
import fr.quartiersproductifs.economy.DiagnosticExport;
import fr.quartiersproductifs.economy.DiagnosticService;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/** {@code qp diagnostic --territoire ID|--commune CODE|--epci SIREN|--qpv CODE [--format csv|json]}. */
@Command(
    name = "diagnostic",
    mixinStandardHelpOptions = true,
    description = "Diagnostic économique QPV / reste du territoire à partir du dernier import SIRENE (CSV ou JSON sur la sortie standard).")
public final class DiagnosticCommand implements Callable<Integer> {
  @Mixin SpringLauncher launcher;

  static final class Target {
    @Option(names = "--territoire", paramLabel = "ID", description = "Territoire pilote (AMP, TOULOUSE…).")
    String territory;

    @Option(names = "--commune", paramLabel = "CODE", description = "Code INSEE de commune (ou d'arrondissement).")
    String commune;

    @Option(names = "--epci", paramLabel = "SIREN", description = "SIREN d'un EPCI ou d'un EPT.")
    String epci;

    @Option(names = "--qpv", paramLabel = "CODE", description = "Code QPV (QN01304M…).")
    String qpv;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv (défaut) ou json.")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("csv") && !format.equals("json")) {
      throw fr.quartiersproductifs.shared.QpException.invalid("Format inconnu « " + format + " » : csv ou json.");
    }
    // Data goes to stdout: no log line may land there (errors reach stderr through the CLI handler).
    try (var ctx = launcher.start(false, java.util.List.of("--spring.main.banner-mode=off",
        "--logging.level.root=OFF", "--logging.level.fr.quartiersproductifs=OFF"))) {
      DiagnosticService service = ctx.getBean(DiagnosticService.class);
      DiagnosticService.Perimeter p =
          target.territory != null ? service.territory(target.territory)
              : target.commune != null ? service.commune(target.commune)
              : target.epci != null ? service.epci(target.epci)
              : service.qpv(target.qpv);
      Diagnostic d = service.diagnostic(p);
      if (format.equals("json")) {
        System.out.println(new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(d));
      } else {
        System.out.print(DiagnosticExport.csv(d));
      }
      d.avertissements().forEach(w -> System.err.println("Avertissement : " + w));
      return 0;
    }
  }

  /** Registration as a top-level command. */
  public static final class Registration implements QpSubcommand {
    @Override
    public Object command() {
      return new DiagnosticCommand();
    }
  }
}
