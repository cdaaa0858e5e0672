package fr.quartiersproductifs.account.audit;

import java.time.OffsetDateTime;

/**
 * One recorded change: who, when, which entity, the state before and after (JSON documents, null
 * on creation and deletion respectively).
 */
public record AuditEvent(
    long id,
    OffsetDateTime date,
    String auteur,
    String entite,
    String entiteId,
    String territoire,
    String operation,
    String avant,
    String apres) {}
