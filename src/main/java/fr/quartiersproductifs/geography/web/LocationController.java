package fr.quartiersproductifs.geography.web;

import fr.quartiersproductifs.csv.CsvDialect;
import fr.quartiersproductifs.csv.CsvDialectDetector;
import fr.quartiersproductifs.geography.Coordinates;
import fr.quartiersproductifs.geography.Localisation;
import fr.quartiersproductifs.geography.QpvLocationService;
import fr.quartiersproductifs.geography.batch.BatchReceipt;
import fr.quartiersproductifs.geography.batch.BatchReceipts;
import fr.quartiersproductifs.geography.batch.LocationBatch;
import fr.quartiersproductifs.geography.batch.LocationBatchService;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** QPV eligibility by coordinates: one point, or a CSV batch streamed back with its receipt. */
@RestController
@RequestMapping("/api/v1/qpv")
@Tag(name = "Localisation QPV", description = "Un point est-il dans un QPV à une date donnée ?")
public class LocationController {
  private final QpvLocationService locations;
  private final LocationBatchService batches;
  private final BatchReceipts receipts;
  private final long maxBytes;

  public LocationController(
      QpvLocationService locations,
      LocationBatchService batches,
      BatchReceipts receipts,
      @Value("${qp.lots.taille-max:200MB}") DataSize maxSize) {
    this.locations = locations;
    this.batches = batches;
    this.receipts = receipts;
    this.maxBytes = maxSize.toBytes();
  }

  @GetMapping(value = "/localisation", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Statut QPV d'un point",
      description =
          "Coordonnées WGS84 (lon, lat) ou projetées (x, y, epsg = 2154, 2975, 5490, 2972, 4471)."
              + " La réponse donne le statut DANS_QPV, HORS_QPV ou INDETERMINE (avec la raison), le QPV,"
              + " la distance à la limite la plus proche, le QPV le plus proche à moins de 1 km et les"
              + " versions des données utilisées.")
  public Localisation locate(
      @RequestParam(required = false) Double lon,
      @RequestParam(required = false) Double lat,
      @RequestParam(required = false) Double x,
      @RequestParam(required = false) Double y,
      @RequestParam(required = false) Integer epsg,
      @Parameter(description = "Date AAAA-MM-JJ (défaut : aujourd'hui)")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date) {
    Coordinates point;
    if (lon != null || lat != null) {
      if (lon == null || lat == null || x != null || y != null) {
        throw QpException.invalid("Donnez lon et lat (WGS84), ou bien x, y et epsg.");
      }
      point = Coordinates.wgs84(lon, lat);
    } else if (x != null && y != null) {
      if (epsg == null) {
        throw QpException.invalid("Le paramètre epsg est obligatoire avec x et y (2154, 2975, 5490, 2972, 4471).");
      }
      point = new Coordinates(x, y, epsg);
    } else {
      throw QpException.invalid("Donnez lon et lat (WGS84), ou bien x, y et epsg.");
    }
    return locations.locate(point, date);
  }

  @PostMapping(value = "/localisation/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Statut QPV de chaque ligne d'un fichier CSV (envoi multipart, champ « file »)",
      description =
          "Renvoie le fichier, mêmes lignes dans le même ordre, même séparateur et même encodage,"
              + " avec les colonnes qpv_statut, qpv_code, qpv_nom, qpv_generation, qpv_distance_limite_m,"
              + " qpv_territoire, qpv_message. L'en-tête X-Lot-Id donne le reçu : GET /api/v1/qpv/lots/{id}.")
  public void batchMultipart(
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String lon,
      @RequestParam(required = false) String lat,
      @RequestParam(required = false) String x,
      @RequestParam(required = false) String y,
      @RequestParam(required = false) Integer epsg,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(name = "colonne_date", required = false) String dateColumn,
      HttpServletResponse response)
      throws IOException {
    LocationBatch.Options options = new LocationBatch.Options(lon, lat, x, y, epsg, date, dateColumn);
    String name = file.getOriginalFilename() == null ? "lot.csv" : file.getOriginalFilename();
    try (InputStream in = file.getInputStream()) {
      stream(in, name, options, response);
    }
  }

  @PostMapping(value = "/localisation/csv", consumes = {"text/csv", "text/plain", "application/csv"})
  @Operation(summary = "Statut QPV de chaque ligne d'un fichier CSV (corps brut text/csv)")
  public void batchRaw(
      @RequestParam(required = false) String lon,
      @RequestParam(required = false) String lat,
      @RequestParam(required = false) String x,
      @RequestParam(required = false) String y,
      @RequestParam(required = false) Integer epsg,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(name = "colonne_date", required = false) String dateColumn,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    LocationBatch.Options options = new LocationBatch.Options(lon, lat, x, y, epsg, date, dateColumn);
    if (request.getContentLengthLong() > maxBytes) {
      throw new QpException(ErrorCode.TOO_LARGE, "Fichier trop volumineux (limite : " + maxBytes / (1024 * 1024) + " Mo).");
    }
    stream(new LimitedInputStream(request.getInputStream(), maxBytes), "lot.csv", options, response);
  }

  private void stream(InputStream raw, String name, LocationBatch.Options options, HttpServletResponse response)
      throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 17);
    in.mark(1 << 16);
    byte[] head = in.readNBytes(1 << 16);
    in.reset();
    if (head.length == 0) {
      throw QpException.invalid("Le fichier CSV est vide.");
    }
    CsvDialect dialect = CsvDialectDetector.detect(head, head.length);
    options.checkColumns(fr.quartiersproductifs.csv.CsvBatchIo.header(head, dialect));
    String id = LocationBatchService.newId();
    response.setContentType("text/csv; charset=" + dialect.charset().name());
    response.setHeader("Content-Disposition", "attachment; filename=\"" + outputName(name) + "\"");
    response.setHeader("X-Lot-Id", id);
    response.setHeader("Link", "</api/v1/qpv/lots/" + id + ">; rel=\"receipt\"");
    OutputStream out = response.getOutputStream();
    batches.run(id, in, out, name, options);
    out.flush();
  }

  static String outputName(String input) {
    String base = input.replaceAll("[^A-Za-z0-9._-]", "_");
    int dot = base.lastIndexOf('.');
    return (dot > 0 ? base.substring(0, dot) : base) + "-qpv.csv";
  }

  @GetMapping(value = "/lots/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Reçu d'un traitement par lot (empreinte de l'entrée, comptes par statut, versions des données)")
  public BatchReceipt receipt(@PathVariable String id) {
    return receipts.find(id).orElseThrow(() -> QpException.notFound("Lot inconnu : " + id));
  }

  /** Refuses a body larger than the limit, even without Content-Length. */
  static final class LimitedInputStream extends java.io.FilterInputStream {
    private final long max;
    private long read;

    LimitedInputStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw new QpException(ErrorCode.TOO_LARGE, "Fichier trop volumineux (limite : " + max / (1024 * 1024) + " Mo).");
      }
    }
  }
}
