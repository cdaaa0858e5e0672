package fr.quartiersproductifs.geocoding.cli;

import fr.quartiersproductifs.cli.QpSubcommand;

/** Contributes {@code qp import adresses} and {@code qp geocoder} to the command line. */
public final class GeocodingSubcommands {
  private GeocodingSubcommands() {}

  /** {@code qp import adresses}. */
  public static final class ImportAdresses implements QpSubcommand {
    @Override
    public String parent() {
      return "import";
    }

    @Override
    public Object command() {
      return new ImportAdressesCommand();
    }
  }

  /** {@code qp geocoder}. */
  public static final class Geocode implements QpSubcommand {
    @Override
    public Object command() {
      return new GeocoderCommand();
    }
  }
}
