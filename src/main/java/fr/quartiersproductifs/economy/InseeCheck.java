package fr.quartiersproductifs.economy;

/** Our QPV answer compared with INSEE's {@code plg_qp24}. */
public enum InseeCheck {
  /** INSEE gives no value, or our answer is INDETERMINE. */
  NON_COMPARE,
  ACCORD,
  DESACCORD
}
