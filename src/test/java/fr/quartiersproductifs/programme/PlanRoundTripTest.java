package fr.quartiersproductifs.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.audit.AuditTrail;
import fr.quartiersproductifs.programme.xlsx.ActionPlanWorkbook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The XLSX round trip of a territory's action plan. */
class PlanRoundTripTest extends ProgrammeHttpTestBase {
  @Autowired ActionService actions;
  @Autowired ActionPlanImportService plans;
  @Autowired AuditTrail audit;

  private static final String T = "MAUBEUGE";
  private final Actor admin = Actor.system("test-aller-retour");

  private void seedPlan() {
    if (!actions.plan(admin, T).isEmpty()) {
      return;
    }
    Action a = actions.create(admin, T, new Action.Content(
        "Foncière commerce du centre", "Rachat de 3 cellules ; « guillemets » et accents", Axis.COMMERCE_ARTISANAT,
        ActionStatus.EN_PROJET, null, "Ville", List.of("Banque des Territoires", "CCI"), List.of("FONCIERE_COMMERCE", "ACTION_TERRITORIALE"),
        List.of(), LocalDate.of(2025, 3, 1), LocalDate.of(2027, 6, 30)));
    actions.addFunding(admin, a.id(), new ActionService.FundingContent(Funder.BANQUE_DES_TERRITOIRES, 2025,
        new BigDecimal("123456.78"), new BigDecimal("100000.01"), new BigDecimal("0.99")));
    actions.addFunding(admin, a.id(), new ActionService.FundingContent(Funder.COLLECTIVITE, 2026,
        new BigDecimal("5000.00"), new BigDecimal("6000.50"), new BigDecimal("6000.50")));
    Action b = actions.create(admin, T, new Action.Content(
        "Conseillers numériques", null, Axis.TRANSITION_NUMERIQUE, null, null, null, List.of(), List.of(), List.of(), null, null));
    actions.addFunding(admin, b.id(), new ActionService.FundingContent(Funder.UNION_EUROPEENNE, 2025,
        new BigDecimal("0.01"), BigDecimal.ZERO, BigDecimal.ZERO));
  }

  @Test
  void export_then_import_gives_back_the_same_plan_and_writes_nothing() {
    seedPlan();
    List<Action> before = actions.plan(admin, T);
    List<FundingLine> fundingBefore = actions.fundingOfTerritory(admin, T);
    int auditBefore = audit.ofTerritory(T, 10_000).size();
    byte[] xlsx = plans.export(admin, T);

    ActionPlanImportService.Result result = plans.importPlan(admin, T, xlsx);

    assertThat(result.actionsCreees() + result.actionsModifiees() + result.financementsCrees() + result.financementsModifies()).isZero();
    assertThat(result.lignesInchangees()).isEqualTo(before.size() + fundingBefore.size());
    assertThat(actions.plan(admin, T)).isEqualTo(before);
    assertThat(actions.fundingOfTerritory(admin, T)).isEqualTo(fundingBefore);
    assertThat(audit.ofTerritory(T, 10_000)).hasSize(auditBefore);
    // The exported file read back equals the plan, field by field (amounts to the cent).
    ActionPlanWorkbook.Parsed parsed = ActionPlanWorkbook.read(xlsx);
    assertThat(parsed.actions()).hasSize(before.size());
    assertThat(parsed.actions().get(0).get("description")).isEqualTo(before.get(0).description());
    assertThat(parsed.funding().get(0).get("prevu")).isEqualTo("123456.78");
  }

  @Test
  void one_bad_line_rejects_the_whole_file_and_changes_nothing() throws Exception {
    seedPlan();
    List<Action> before = actions.plan(admin, T);
    List<FundingLine> fundingBefore = actions.fundingOfTerritory(admin, T);
    byte[] xlsx = plans.export(admin, T);
    byte[] edited;
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = wb.getSheet(ActionPlanWorkbook.ACTIONS);
      sheet.getRow(1).getCell(1).setCellValue("Titre modifié, valable");
      Row added = sheet.createRow(sheet.getLastRowNum() + 1);
      added.createCell(0).setCellValue("N1");
      added.createCell(1).setCellValue("Nouvelle action valable");
      added.createCell(3).setCellValue("ENTREPRENEURIAT");
      Sheet funding = wb.getSheet(ActionPlanWorkbook.FUNDING);
      // Line 3 of the sheet: paid above committed.
      funding.getRow(2).getCell(6).setCellValue(999999);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      edited = out.toByteArray();
    }
    assertThatThrownBy(() -> plans.importPlan(admin, T, edited))
        .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
          assertThat(e.rejections()).hasSize(1);
          assertThat(e.rejections().get(0).feuille()).isEqualTo("Financements");
          assertThat(e.rejections().get(0).ligne()).isEqualTo(3);
          assertThat(e.rejections().get(0).motif()).contains("dépasse le montant engagé");
        });
    assertThat(actions.plan(admin, T)).isEqualTo(before);
    assertThat(actions.fundingOfTerritory(admin, T)).isEqualTo(fundingBefore);

    // Over HTTP: 400 with the rejections, still nothing written; the valid edit alone is accepted.
    var response = http().send(http().request("/api/v1/territoires/" + T + "/plan.xlsx")
        .header("Authorization", fr.quartiersproductifs.support.Http.basic(ADMIN, PASSWORD))
        .header("Content-Type", "application/octet-stream")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(edited)).build());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(parse(response).get("rejets").get(0).get("ligne").asInt()).isEqualTo(3);
    assertThat(actions.plan(admin, T)).isEqualTo(before);
  }

  @Test
  void a_missing_column_fails_fast_naming_it() throws Exception {
    seedPlan();
    byte[] xlsx = plans.export(admin, T);
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
      wb.getSheet(ActionPlanWorkbook.ACTIONS).getRow(0).getCell(3).setCellValue("axe_typo");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      assertThatThrownBy(() -> plans.importPlan(admin, T, out.toByteArray()))
          .hasMessageContaining("Colonne manquante dans la feuille Actions : axe");
    }
  }
}
