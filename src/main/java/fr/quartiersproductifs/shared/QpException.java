package fr.quartiersproductifs.shared;

/** An error with a code from {@link ErrorCode} and a message in French for the user. */
public class QpException extends RuntimeException {
  private final ErrorCode code;

  public QpException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public QpException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static QpException invalid(String message) {
    return new QpException(ErrorCode.INVALID_INPUT, message);
  }

  public static QpException notFound(String message) {
    return new QpException(ErrorCode.NOT_FOUND, message);
  }
}
