package fr.quartiersproductifs.web;

import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps errors to {@code application/problem+json} once for the whole HTTP API: {@link QpException}
 * by its {@link ErrorCode}, and the framework's own request errors, with messages in French.
 * Unexpected errors are logged and answered without internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(QpException.class)
  ResponseEntity<ProblemDetail> qp(QpException e, HttpServletResponse response) {
    resetIfPossible(response);
    if (e.code() == ErrorCode.INTERNAL) {
      LOG.error("Internal error", e);
    }
    return problem(e.code(), e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return problem(ErrorCode.INVALID_INPUT, "Paramètre obligatoire manquant : " + e.getParameterName());
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
    return problem(ErrorCode.INVALID_INPUT, "Partie obligatoire manquante : " + e.getRequestPartName());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    String expected =
        e.getRequiredType() == null
            ? "valeur"
            : switch (e.getRequiredType().getSimpleName()) {
              case "Double", "double" -> "nombre décimal";
              case "Integer", "int", "Long", "long" -> "nombre entier";
              case "LocalDate" -> "date AAAA-MM-JJ";
              default -> "valeur de type " + e.getRequiredType().getSimpleName();
            };
    return problem(
        ErrorCode.INVALID_INPUT,
        "Paramètre « " + e.getName() + " » invalide : « " + e.getValue() + " » (" + expected + " attendu).");
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    return problem(ErrorCode.TOO_LARGE, "Fichier trop volumineux (limite de taille des envois dépassée).");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(
        ErrorCode.INVALID_INPUT,
        "Type de contenu non pris en charge : " + e.getContentType() + " (attendu : " + e.getSupportedMediaTypes() + ").");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return problem(ErrorCode.NOT_FOUND, "Ressource introuvable : /" + e.getResourcePath());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletResponse response) throws Exception {
    if (e instanceof org.springframework.web.ErrorResponse
        || e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e; // handled by Spring MVC / Spring Security with their own status
    }
    LOG.error("Unexpected error", e);
    resetIfPossible(response);
    return problem(ErrorCode.INTERNAL, "Erreur interne inattendue. Elle a été journalisée.");
  }

  /** A streaming endpoint may have set CSV headers before failing: start the response afresh. */
  private static void resetIfPossible(HttpServletResponse response) {
    if (response != null && !response.isCommitted()) {
      response.reset();
    }
  }

  public static ResponseEntity<ProblemDetail> problem(ErrorCode code, String detail) {
    HttpStatus status = HttpStatus.valueOf(code.httpStatus());
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title(code));
    body.setType(URI.create("urn:qp:erreur:" + code.name().toLowerCase(java.util.Locale.ROOT)));
    body.setProperty("code", code.name());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  static String title(ErrorCode code) {
    return switch (code) {
      case INVALID_INPUT -> "Requête invalide";
      case UNAUTHENTICATED -> "Authentification requise";
      case FORBIDDEN -> "Accès refusé";
      case NOT_FOUND -> "Introuvable";
      case CONFLICT -> "Conflit";
      case TOO_LARGE -> "Contenu trop volumineux";
      case MISSING_REFERENCE_DATA -> "Données de référence manquantes";
      case INTERNAL -> "Erreur interne";
    };
  }
}
