package fr.quartiersproductifs.programme;

import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.util.List;

/** An import refused as a whole: nothing was written; the rejections say where and why. */
public class ImportRejectedException extends QpException {
  private static final long serialVersionUID = 1L;
  private final transient List<Rejection> rejections;

  /** A rejected line: sheet, line number as shown by the spreadsheet, reason. */
  public record Rejection(String feuille, int ligne, String motif) {}

  public ImportRejectedException(List<Rejection> rejections) {
    super(
        ErrorCode.INVALID_INPUT,
        rejections.size() + " ligne(s) rejetée(s) : rien n'a été importé. Corrigez le fichier et réimportez-le.");
    this.rejections = List.copyOf(rejections);
  }

  public List<Rejection> rejections() {
    return rejections;
  }
}
