package fr.quartiersproductifs.programme.web;

import fr.quartiersproductifs.programme.ImportRejectedException;
import fr.quartiersproductifs.programme.StaleVersionException;
import fr.quartiersproductifs.shared.QpException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem responses of the programme and account APIs: {@code application/problem+json} with the
 * error {@code code}; a stale version answers 409 with the current state ({@code courant}); a
 * rejected import answers 400 with its rejections ({@code rejets}: sheet, line, reason). Scoped to
 * these packages and placed before the platform-wide handler.
 */
@RestControllerAdvice(basePackages = {"fr.quartiersproductifs.programme", "fr.quartiersproductifs.account"})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProgrammeProblems {

  @ExceptionHandler(StaleVersionException.class)
  ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
    ProblemDetail p = problem(e);
    p.setProperty("courant", e.current());
    return ResponseEntity.status(p.getStatus()).body(p);
  }

  @ExceptionHandler(ImportRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(ImportRejectedException e) {
    ProblemDetail p = problem(e);
    p.setProperty("rejets", e.rejections());
    return ResponseEntity.status(p.getStatus()).body(p);
  }

  @ExceptionHandler(QpException.class)
  ResponseEntity<ProblemDetail> qp(QpException e) {
    ProblemDetail p = problem(e);
    return ResponseEntity.status(p.getStatus()).body(p);
  }

  static ProblemDetail problem(QpException e) {
    HttpStatus status = HttpStatus.valueOf(e.code().httpStatus());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    p.setTitle(status.getReasonPhrase());
    p.setProperty("code", e.code().name());
    return p;
  }
}
