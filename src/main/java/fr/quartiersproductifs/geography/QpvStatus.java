package fr.quartiersproductifs.geography;

/** Outcome of locating a point against the QPV in force at a date. */
public enum QpvStatus {
  /** The point lies inside (or on the boundary of) a QPV in force at the date. */
  DANS_QPV,
  /** The point lies in France, where a QPV list is in force, outside every QPV of that list. */
  HORS_QPV,
  /**
   * No reliable answer: no QPV list in force at that date for that place, point outside France,
   * uncertain geocoding... The reason says which.
   */
  INDETERMINE,
  /** The input row could not be read (missing or non-numeric coordinates...). Batch only. */
  ERREUR
}
