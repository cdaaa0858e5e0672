package fr.quartiersproductifs.economy;

import fr.quartiersproductifs.geography.ReferenceGeography;

/** The current reference geography snapshot (implemented over the foundation's GeographyService). */
public interface EconomyGeography {
  ReferenceGeography current();
}
