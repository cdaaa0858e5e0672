package fr.quartiersproductifs.geocoding;

import fr.quartiersproductifs.dataset.DatasetVersion;
import fr.quartiersproductifs.dataset.DatasetVersions;
import fr.quartiersproductifs.dataset.ImportReport;
import fr.quartiersproductifs.geocoding.index.AddressStore;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import fr.quartiersproductifs.shared.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code qp import adresses}: builds the index of a BAN file aside, swaps it in atomically, and
 * records the import as a dataset version ({@code adresses-<département>} or {@code
 * adresses-<commune>}). A file identical (SHA-256) to an active address version changes nothing.
 */
@Service
public class AddressImportService {
  private static final Logger LOG = LoggerFactory.getLogger(AddressImportService.class);

  private final AddressStore store;
  private final PostcodeTable postcodes;
  private final DatasetVersions versions;
  private final TransactionTemplate transactions;

  public AddressImportService(
      AddressStore store, PostcodeTable postcodes, DatasetVersions versions, TransactionTemplate transactions) {
    this.store = store;
    this.postcodes = postcodes;
    this.versions = versions;
    this.transactions = transactions;
  }

  /**
   * What an import did.
   *
   * @param kind dataset kind ({@code adresses-34}, {@code adresses-34172})
   * @param versionId the new dataset version, or the active one when unchanged
   * @param unchanged true when the same file was already the active version
   */
  public record Outcome(
      String kind, long versionId, boolean unchanged, ImportReport report, Set<String> communes, int housenumbers, int streets) {
    public String summary() {
      if (unchanged) {
        return "Adresses " + kind + " : fichier identique à la version active #" + versionId + ", rien à faire.";
      }
      return String.format(
          "Adresses %s importées (version #%d) : %d lignes lues, %d numéros, %d voies, %d communes, %d lignes rejetées.",
          kind, versionId, report.rowsRead(), housenumbers, streets, communes.size(), report.rejected());
    }
  }

  public Outcome importFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw QpException.invalid("Fichier introuvable : " + file);
    }
    try (AutoCloseable lock = store.lockForImport()) {
      String sha = Sha256.of(file);
      Optional<DatasetVersion> same =
          versions.allActive().stream()
              .filter(v -> v.kind().startsWith("adresses-") && v.sha256().equals(sha))
              .findFirst();
      if (same.isPresent()) {
        return new Outcome(same.get().kind(), same.get().id(), true, new ImportReport(), Set.of(), 0, 0);
      }
      store.deleteUnused();
      ImportReport report = new ImportReport();
      AddressImporter.Built built = new AddressImporter(store, postcodes).build(file, report);
      store.activate(built.unit(), built.directory());
      String parameters =
          "departement=" + built.unit() + ";communes=" + String.join(",", built.communes())
              + ";remplace=" + (built.wholeDepartement() ? "departement" : "communes");
      long id =
          transactions.execute(
              status -> {
                long v = versions.create(built.kind(), file.getFileName().toString(), sha, truncate(parameters));
                versions.complete(v, built.kind(), report);
                return v;
              });
      store.refreshNow();
      store.deleteUnused();
      Outcome outcome =
          new Outcome(built.kind(), id, false, report, built.communes(), built.housenumbers(), built.streets());
      LOG.info(outcome.summary());
      return outcome;
    } catch (QpException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new QpException(ErrorCode.INTERNAL, "Import des adresses impossible : " + e.getMessage(), e);
    }
  }

  private static String truncate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }
}
