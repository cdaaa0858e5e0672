package fr.quartiersproductifs.shared;

/**
 * The small set of error codes of the platform, mapped once to HTTP statuses (see {@code
 * fr.quartiersproductifs.web.ProblemHandler}) and once to CLI exit codes (see {@code
 * fr.quartiersproductifs.cli.QpCommand}).
 *
 * <p>CLI exit codes follow the contract: 0 success, 1 error, 2 usage or invalid input.
 */
public enum ErrorCode {
  /** Input that cannot be processed as given: bad parameter, malformed file, missing column. */
  INVALID_INPUT(400, 2),
  /** Authentication needed. */
  UNAUTHENTICATED(401, 2),
  /** Authenticated but not allowed. */
  FORBIDDEN(403, 2),
  /** The requested resource does not exist. */
  NOT_FOUND(404, 2),
  /** A write based on a stale version, or a state transition that is not allowed now. */
  CONFLICT(409, 1),
  /** The upload or request exceeds the configured size limit. */
  TOO_LARGE(413, 2),
  /** Reference data needed for the answer has not been imported. */
  MISSING_REFERENCE_DATA(503, 1),
  /** Anything unexpected. */
  INTERNAL(500, 1);

  private final int httpStatus;
  private final int exitCode;

  ErrorCode(int httpStatus, int exitCode) {
    this.httpStatus = httpStatus;
    this.exitCode = exitCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int exitCode() {
    return exitCode;
  }
}
