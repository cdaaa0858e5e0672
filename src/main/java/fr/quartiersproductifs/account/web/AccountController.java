package fr.quartiersproductifs.account.web;

import fr.quartiersproductifs.account.Actor;
import fr.quartiersproductifs.account.Role;
import fr.quartiersproductifs.account.UserAccount;
import fr.quartiersproductifs.account.UserAccountService;
import fr.quartiersproductifs.account.audit.AuditEvent;
import fr.quartiersproductifs.account.audit.AuditTrail;
import fr.quartiersproductifs.account.security.CurrentActor;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and audit trail. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Comptes et audit")
public class AccountController {
  private final UserAccountService accounts;
  private final AuditTrail audit;

  public AccountController(UserAccountService accounts, AuditTrail audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  @Operation(summary = "Le compte connecté : adresse, rôle, territoires")
  @GetMapping("/moi")
  public Actor me() {
    return CurrentActor.get();
  }

  public record NewUser(String email, String role, Set<String> territoires, String motDePasse) {}

  @Operation(summary = "Crée un compte local (équipe nationale)")
  @PostMapping("/utilisateurs")
  public ResponseEntity<UserAccount> create(@RequestBody NewUser body) {
    UserAccount u =
        accounts.create(CurrentActor.get(), body.email(), Role.parse(body.role()), body.territoires(), body.motDePasse());
    return ResponseEntity.created(URI.create("/api/v1/utilisateurs/" + u.id())).body(u);
  }

  @GetMapping("/utilisateurs")
  public List<UserAccount> all() {
    return accounts.all(CurrentActor.get());
  }

  @Operation(summary = "Journal d'audit d'une entité (action, financement, valeur_indicateur, cible_indicateur, indicateur, territoire, utilisateur)")
  @GetMapping("/audit")
  public List<AuditEvent> ofEntity(@RequestParam String entite, @RequestParam String id) {
    Actor actor = CurrentActor.get();
    List<AuditEvent> events = audit.ofEntity(entite, id);
    if (!actor.readsEverything()) {
      boolean allowed = events.stream().allMatch(e -> e.territoire() != null && actor.canRead(e.territoire()));
      if (!allowed) {
        throw new QpException(ErrorCode.FORBIDDEN, "Accès refusé à ce journal.");
      }
    }
    if (entite.equals("utilisateur")) {
      actor.requireAdmin();
    }
    return events;
  }

  @Operation(summary = "Journal d'audit d'un territoire (les plus récents d'abord)")
  @GetMapping("/territoires/{id}/audit")
  public List<AuditEvent> ofTerritory(@PathVariable String id, @RequestParam(defaultValue = "500") int limite) {
    CurrentActor.get().requireRead(id);
    return audit.ofTerritory(id, limite);
  }
}
