package fr.quartiersproductifs.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.Role;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guarded status transitions, money rules and access rules, without Spring. */
class ActionDomainTest {
  private static Action.Content content(ActionStatus status, String reason) {
    return new Action.Content("Titre", null, Axis.ENTREPRENEURIAT, status, reason, null, List.of(), List.of(), List.of(), null, null);
  }

  private static Action action(ActionStatus status) {
    return new Action(1L, "AMP", "Titre", null, Axis.ENTREPRENEURIAT, status,
        status == ActionStatus.ABANDONNEE ? "motif" : null, null, List.of(), List.of(), List.of(), null, null, false, 1);
  }

  @Test
  void the_status_follows_the_programme_lifecycle() {
    Action a = action(ActionStatus.EN_PROJET);
    a = a.update(content(ActionStatus.ENGAGEE, null));
    a = a.update(content(ActionStatus.EN_COURS, null));
    a = a.update(content(ActionStatus.TERMINEE, null));
    assertThat(a.statut()).isEqualTo(ActionStatus.TERMINEE);
  }

  @Test
  void invalid_transitions_are_refused_with_a_clear_message() {
    assertThatThrownBy(() -> action(ActionStatus.EN_PROJET).update(content(ActionStatus.TERMINEE, null)))
        .isInstanceOfSatisfying(QpException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
        .hasMessage("Changement de statut impossible : EN_PROJET → TERMINEE (possibles : [ENGAGEE, ABANDONNEE]).");
    assertThatThrownBy(() -> action(ActionStatus.TERMINEE).update(content(ActionStatus.EN_COURS, null)))
        .hasMessageContaining("est définitif");
    assertThatThrownBy(() -> action(ActionStatus.EN_COURS).update(content(ActionStatus.ABANDONNEE, " ")))
        .hasMessageContaining("motif d'abandon est obligatoire");
    assertThat(action(ActionStatus.EN_COURS).update(content(ActionStatus.ABANDONNEE, "Local perdu")).motifAbandon())
        .isEqualTo("Local perdu");
  }

  @Test
  void amounts_are_exact_to_the_cent_and_paid_never_exceeds_committed() {
    FundingLine f = new FundingLine(null, 1, Funder.ANRU, 2025, new BigDecimal("10"), new BigDecimal("10.01"), new BigDecimal("10.01"), false, 0);
    assertThat(f.alerteEngagement()).isTrue();
    assertThat(f.prevu().toPlainString()).isEqualTo("10.00");
    assertThatThrownBy(() -> new FundingLine(null, 1, Funder.ANRU, 2025, null, new BigDecimal("1"), new BigDecimal("1.01"), false, 0))
        .hasMessageContaining("dépasse le montant engagé");
    assertThatThrownBy(() -> new FundingLine(null, 1, Funder.ANRU, 2025, new BigDecimal("0.001"), null, null, false, 0))
        .hasMessageContaining("au centime près");
    assertThatThrownBy(() -> new FundingLine(null, 1, Funder.ANRU, 2025, new BigDecimal("-1"), null, null, false, 0))
        .hasMessageContaining("négatif");
    assertThat(Money.parse("1 234,50", "x")).isEqualByComparingTo("1234.50");
  }

  @Test
  void access_rules_by_role() {
    Actor chef = new Actor("c@x.fr", Role.CHEF_DE_PROJET, Set.of("AMP"));
    Actor partner = new Actor("p@x.fr", Role.PARTENAIRE, Set.of("AMP"));
    Actor admin = new Actor("a@x.fr", Role.ADMIN_NATIONAL, Set.of());
    assertThat(chef.canWrite("AMP")).isTrue();
    assertThat(chef.canWrite("TOULOUSE")).isFalse();
    assertThat(chef.canRead("TOULOUSE")).isTrue();
    assertThat(partner.canRead("AMP")).isTrue();
    assertThat(partner.canRead("TOULOUSE")).isFalse();
    assertThat(partner.canWrite("AMP")).isFalse();
    assertThat(admin.canWrite("TOULOUSE")).isTrue();
  }

  @Test
  void csv_exports_neutralise_formulas() {
    assertThat(fr.quartiersproductifs.programme.export.ConsolidationExportsAccess.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(fr.quartiersproductifs.programme.export.ConsolidationExportsAccess.safe("Boutique")).isEqualTo("Boutique");
  }

  @Test
  void periods_follow_the_indicator_frequency() {
    assertThat(Frequency.TRIMESTRIELLE.checkPeriod("2025-t3")).isEqualTo("2025-T3");
    assertThatThrownBy(() -> Frequency.ANNUELLE.checkPeriod("2025-T3")).hasMessageContaining("attendu AAAA");
    assertThatThrownBy(() -> Frequency.MENSUELLE.checkPeriod("2025-13")).hasMessageContaining("AAAA-MM");
  }
}
