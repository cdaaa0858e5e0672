package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.geocoding.index.AddressStore;
import fr.quartiersproductifs.geography.GeographyService;
import fr.quartiersproductifs.geography.QpvLocationService;
import fr.quartiersproductifs.shared.QpProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the geocoding feature. */
@Configuration(proxyBeanMethods = false)
public class GeocodingConfiguration {

  @Bean(destroyMethod = "close")
  AddressStore addressStore(QpProperties properties) {
    return new AddressStore(properties.varDir().resolve("adresses"));
  }

  @Bean
  Geocoder geocoder(AddressStore store) {
    return new Geocoder(store::acquire);
  }

  /** The QPV answer for a geocoded point: the geography feature's locator. */
  @Bean
  QpvLocator addressQpvLocator(QpvLocationService qpv) {
    return qpv::locate;
  }

  /**
   * Postcodes of a commune: from the reference geography snapshot, else from the La Poste file of
   * the data directory (read on first need).
   */
  @Bean
  PostcodeTable postcodeTable(GeographyService geography, QpProperties properties) {
    return new PostcodeTable() {
      private volatile PostcodeTable file;

      @Override
      public List<String> postcodesOf(String communeCode) {
        List<String> fromSnapshot = geography.current().postcodesOf(communeCode);
        if (!fromSnapshot.isEmpty()) {
          return fromSnapshot;
        }
        if (file == null) {
          file = LaPostePostcodes.fromDataDir(properties.dataDir());
        }
        return file.postcodesOf(communeCode);
      }
    };
  }
}
