package fr.quartiersproductifs.economy.cli;

import fr.quartiersproductifs.cli.QpSubcommand;
import fr.quartiersproductifs.cli.SpringLauncher;
import fr.quartiersproductifs.economy.Category;
import fr.quartiersproductifs.economy.DiagnosticExport;
import fr.quartiersproductifs.economy.DiagnosticService;
import fr.quartiersproductifs.economy.NafLabels;
import fr.quartiersproductifs.economy.jdbc.EconomyQueries;
import fr.quartiersproductifs.shared.QpException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code qp etablissements --territoire ID|--commune CODE|--qpv CODE}: the active establishments
 * kept individually by the last SIRENE import, as CSV on stdout (public diffusion only).
 */
@Command(
    name = "etablissements",
    mixinStandardHelpOptions = true,
    description = {
      "Liste (CSV sur la sortie standard) des établissements actifs conservés par le dernier import"
          + " SIRENE, avec leur statut QPV : seuls ceux en diffusion publique (statut O) sont listés.",
      "Par défaut seuls les territoires pilotes sont conservés (qp import sirene --etablissements tous pour la France entière)."
    })
public final class EtablissementsCommand implements Callable<Integer> {
  @Mixin SpringLauncher launcher;

  static final class Target {
    @Option(names = "--territoire", paramLabel = "ID") String territory;
    @Option(names = "--commune", paramLabel = "CODE") String commune;
    @Option(names = "--qpv", paramLabel = "CODE") String qpv;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--categorie", paramLabel = "CATEGORIE", description = "commerce, activites_productives, numerique, services, autres.")
  String category;

  @Option(names = "--section", paramLabel = "A-U", description = "Section NAF.")
  String section;

  @Override
  public Integer call() {
    Category cat = null;
    if (category != null) {
      cat = Category.ofKey(category);
      if (cat == null) {
        throw QpException.invalid("Catégorie inconnue « " + category + " ».");
      }
    }
    try (var ctx = launcher.start(false, List.of("--spring.main.banner-mode=off",
        "--logging.level.root=OFF", "--logging.level.fr.quartiersproductifs=OFF"))) {
      DiagnosticService service = ctx.getBean(DiagnosticService.class);
      EconomyQueries queries = ctx.getBean(EconomyQueries.class);
      NafLabels labels = ctx.getBean(NafLabels.class);
      long v = service.active().version().id();
      String sec = section == null ? null : section.trim().toUpperCase(Locale.ROOT);
      EconomyQueries.Page page;
      if (target.qpv != null) {
        page = queries.establishments(v, List.of(), service.qpv(target.qpv).code(), cat, sec, 0, Integer.MAX_VALUE);
      } else {
        var p = target.territory != null ? service.territory(target.territory) : service.commune(target.commune);
        page = queries.establishments(v, service.inseeCodes(p.communes()), null, cat, sec, 0, Integer.MAX_VALUE);
      }
      System.out.print(DiagnosticExport.establishmentsCsv(page.items(), labels::label));
      System.err.println(page.total() + " établissements.");
      return 0;
    }
  }

  /** Registration as a top-level command. */
  public static final class Registration implements QpSubcommand {
    @Override
    public Object command() {
      return new EtablissementsCommand();
    }
  }
}
