package fr.quartiersproductifs.programme.web;

import fr.quartiersproductifs.programme.ImportRejectedException;
import fr.quartiersproductifs.programme.StaleVersionException;
import fr.quartiersproductifs.web.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The two programme errors that carry more than a message, placed before the platform-wide {@link
 * ProblemHandler} (which answers every other error, in the same format): a stale version answers
 * 409 with the current state ({@code courant}); a rejected import answers 400 with its rejections
 * ({@code rejets}: sheet, line, reason).
 */
@RestControllerAdvice(basePackages = {"fr.quartiersproductifs.programme", "fr.quartiersproductifs.account"})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProgrammeProblems {

  @ExceptionHandler(StaleVersionException.class)
  ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
    ResponseEntity<ProblemDetail> r = ProblemHandler.problem(e.code(), e.getMessage());
    r.getBody().setProperty("courant", e.current());
    return r;
  }

  @ExceptionHandler(ImportRejectedException.class)
  ResponseEntity<ProblemDetail> rejected(ImportRejectedException e) {
    ResponseEntity<ProblemDetail> r = ProblemHandler.problem(e.code(), e.getMessage());
    r.getBody().setProperty("rejets", e.rejections());
    return r;
  }
}
