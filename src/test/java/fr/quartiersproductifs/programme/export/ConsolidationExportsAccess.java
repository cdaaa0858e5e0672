package fr.quartiersproductifs.programme.export;

/** Test access to package-private helpers of {@link ConsolidationExports}. */
public final class ConsolidationExportsAccess {
  private ConsolidationExportsAccess() {}

  public static String safe(String text) {
    return ConsolidationExports.safe(text);
  }
}
