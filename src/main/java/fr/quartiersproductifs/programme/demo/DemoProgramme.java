package fr.quartiersproductifs.programme.demo;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.programme.Action;
import fr.quartiersproductifs.programme.ActionService;
import fr.quartiersproductifs.programme.ActionStatus;
import fr.quartiersproductifs.programme.Axis;
import fr.quartiersproductifs.programme.Consolidation;
import fr.quartiersproductifs.programme.Funder;
import fr.quartiersproductifs.programme.IndicatorService;
import fr.quartiersproductifs.programme.TerritoryService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fictional demonstration programme, loaded by {@code qp serve --demo} ({@code qp.demo=true})
 * into a database without any action, and never otherwise. Every action title starts with
 * "[FICTIF]" and every row carries the fictional flag, which every output shows.
 */
@Component
@ConditionalOnProperty(name = "qp.demo", havingValue = "true")
@Order(200)
public class DemoProgramme implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);
  static final String PREFIX = Consolidation.FICTIF + " ";

  private final ActionService actions;
  private final IndicatorService indicators;
  private final TerritoryService territories;
  private final JdbcClient jdbc;

  public DemoProgramme(ActionService actions, IndicatorService indicators, TerritoryService territories, JdbcClient jdbc) {
    this.actions = actions;
    this.indicators = indicators;
    this.territories = territories;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Integer existing = jdbc.sql("select count(*) from programme_action").query(Integer.class).single();
    if (existing > 0) {
      log.info("Programme de démonstration non chargé : la base contient déjà des actions.");
      return;
    }
    territories.seedPilotTerritories();
    Actor demo = Actor.system("demo");
    int n = 0;
    record Demo(String territory, String title, Axis axis, ActionStatus status, String lead, List<String> schemes,
        Funder funder, long planned, long committed, long paid) {}
    List<Demo> plan = List.of(
        new Demo("AMP", "Boutique à l'essai dans le centre commercial du quartier", Axis.COMMERCE_ARTISANAT, ActionStatus.EN_COURS,
            "Métropole (service commerce)", List.of("FONCIERE_COMMERCE"), Funder.BANQUE_DES_TERRITOIRES, 180_000_00L, 150_000_00L, 60_000_00L),
        new Demo("AMP", "CitésLab : amorçage de projets d'entreprise", Axis.ENTREPRENEURIAT, ActionStatus.ENGAGEE,
            "Association de création d'entreprise", List.of("CITESLAB"), Funder.BPIFRANCE, 95_000_00L, 95_000_00L, 20_000_00L),
        new Demo("TOULOUSE", "Atelier de fabrication partagé", Axis.ACTIVITES_PRODUCTIVES, ActionStatus.EN_PROJET,
            "Toulouse Métropole", List.of("FABRIQUE_DE_TERRITOIRE"), Funder.ETAT_ANCT, 120_000_00L, 0L, 0L),
        new Demo("TOULOUSE", "Diagnostic numérique des commerces de proximité", Axis.TRANSITION_NUMERIQUE, ActionStatus.TERMINEE,
            "Chambre de commerce", List.of("FRANCE_NUM"), Funder.REGION, 40_000_00L, 42_500_00L, 42_500_00L),
        new Demo("ROUBAIX", "Accompagnement des artisans du bâtiment", Axis.COMMERCE_ARTISANAT, ActionStatus.EN_COURS,
            "Ville de Roubaix", List.of(), Funder.COLLECTIVITE, 60_000_00L, 55_000_00L, 30_000_00L),
        new Demo("MONTPELLIER", "Pépinière d'entreprises en pied d'immeuble", Axis.ENTREPRENEURIAT, ActionStatus.ABANDONNEE,
            "Bailleur social", List.of(), Funder.UNION_EUROPEENNE, 250_000_00L, 0L, 0L));
    for (Demo d : plan) {
      Action a =
          actions.create(
              demo, d.territory(),
              new Action.Content(
                  PREFIX + d.title(), "Action fictive du programme de démonstration.", d.axis(), d.status(),
                  d.status() == ActionStatus.ABANDONNEE ? "Fictif : local indisponible" : null, PREFIX + d.lead(),
                  List.of(PREFIX + "Partenaire de démonstration"), d.schemes(), List.of(),
                  LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)),
              true);
      actions.addFunding(demo, a.id(), new ActionService.FundingContent(
          d.funder(), 2025, cents(d.planned()), cents(d.committed()), cents(d.paid())));
      n++;
    }
    String[][] values = {
      {"AMP", "PORTEURS_ACCOMPAGNES", "2024", "140"}, {"AMP", "PORTEURS_ACCOMPAGNES", "2025", "185"},
      {"TOULOUSE", "PORTEURS_ACCOMPAGNES", "2025", "120"}, {"ROUBAIX", "PORTEURS_ACCOMPAGNES", "2025", "48"},
      {"AMP", "TAUX_SURVIE_3_ANS", "2025", "61.5"}, {"TOULOUSE", "TAUX_SURVIE_3_ANS", "2025", "66"},
      {"AMP", "COMMERCES_OUVERTS", "2025", "12"}, {"MONTPELLIER", "LOCAUX_VACANTS", "2025", "37"}
    };
    for (String[] v : values) {
      indicators.setValue(demo, v[0], v[1], v[2],
          new IndicatorService.ValueInput(new BigDecimal(v[3]), PREFIX + "saisie de démonstration", null, null), true);
    }
    indicators.setTarget(demo, "AMP", "PORTEURS_ACCOMPAGNES",
        new IndicatorService.TargetInput(new BigDecimal("200"), LocalDate.of(2026, 12, 31), null), true);
    indicators.setTarget(demo, "TOULOUSE", "PORTEURS_ACCOMPAGNES",
        new IndicatorService.TargetInput(new BigDecimal("150"), LocalDate.of(2026, 12, 31), null), true);
    log.info("Programme de démonstration FICTIF chargé : {} actions", n);
  }

  private static BigDecimal cents(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }
}
