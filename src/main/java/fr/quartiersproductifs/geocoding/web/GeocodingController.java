package fr.quartiersproductifs.geocoding.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.quartiersproductifs.csv.CsvDialect;
import fr.quartiersproductifs.geocoding.GeocodeRequest;
import fr.quartiersproductifs.geocoding.GeocodeResult;
import fr.quartiersproductifs.geocoding.GeocodingService;
import fr.quartiersproductifs.geocoding.batch.AddressBatch;
import fr.quartiersproductifs.shared.ErrorCode;
import fr.quartiersproductifs.shared.QpException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The geocoding API, compatible with the national address API (api-adresse.data.gouv.fr): clients
 * switch by changing the base URL. Nothing leaves the machine; no address is logged.
 */
@RestController
public class GeocodingController {
  private final GeocodingService service;

  public GeocodingController(GeocodingService service) {
    this.service = service;
  }

  /** GeocodeJSON answer. */
  @JsonPropertyOrder({"type", "version", "features", "attribution", "licence", "query", "filters", "limit"})
  public record FeatureCollection(
      String type, String version, List<Feature> features, String attribution, String licence, String query, Filters filters, int limit) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Filters(String postcode, String citycode, String type) {}

  public record Feature(String type, Geometry geometry, Properties properties) {}

  public record Geometry(String type, double[] coordinates) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"label", "score", "housenumber", "id", "name", "postcode", "citycode", "x", "y", "city", "context", "type", "street"})
  public record Properties(
      String label,
      double score,
      String housenumber,
      String id,
      String name,
      String postcode,
      String citycode,
      Double x,
      Double y,
      String city,
      String context,
      String type,
      String street) {}

  @GetMapping(path = {"/search", "/search/"}, produces = MediaType.APPLICATION_JSON_VALUE)
  public FeatureCollection search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "limit", defaultValue = "5") int limit,
      @RequestParam(name = "postcode", required = false) String postcode,
      @RequestParam(name = "citycode", required = false) String citycode,
      @RequestParam(name = "type", required = false) String type) {
    if (q == null || q.strip().length() < 3) {
      throw QpException.invalid("Le paramètre q doit contenir entre 3 et 200 caractères.");
    }
    GeocodeRequest request = new GeocodeRequest(q, limit, postcode, citycode, type);
    List<Feature> features =
        service.search(request).stream().map(GeocodingController::feature).toList();
    Filters filters =
        request.postcode() == null && request.citycode() == null && request.type() == null
            ? null
            : new Filters(request.postcode(), request.citycode(), request.type());
    return new FeatureCollection(
        "FeatureCollection", "draft", features, "BAN", "ETALAB-2.0", q, filters, limit);
  }

  private static Feature feature(GeocodeResult r) {
    return new Feature(
        "Feature",
        new Geometry("Point", new double[] {r.lon(), r.lat()}),
        new Properties(
            r.label(),
            r.score(),
            r.housenumber(),
            r.id(),
            r.name(),
            r.postcode(),
            r.citycode(),
            Double.isNaN(r.x()) ? null : r.x(),
            Double.isNaN(r.y()) ? null : r.y(),
            r.city(),
            r.context(),
            r.type(),
            r.street()));
  }

  /**
   * {@code POST /search/csv/}: multipart field {@code data} (the CSV), repeated {@code columns}
   * (joined to form the address; all columns when absent), optional {@code postcode} and {@code
   * citycode} column names, {@code qpv=true} and {@code date} for the QPV columns. The answer
   * streams the input rows with the result columns appended.
   */
  @PostMapping(path = {"/search/csv", "/search/csv/"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<StreamingResponseBody> csv(
      @RequestPart("data") MultipartFile data,
      @RequestParam(name = "columns", required = false) List<String> columns,
      @RequestParam(name = "postcode", required = false) String postcode,
      @RequestParam(name = "citycode", required = false) String citycode,
      @RequestParam(name = "qpv", defaultValue = "false") boolean qpv,
      @RequestParam(name = "date", required = false) String date)
      throws IOException {
    long max = service.properties().csvMaxBytes();
    if (data.getSize() > max) {
      throw new QpException(
          ErrorCode.TOO_LARGE,
          "Fichier trop volumineux : " + data.getSize() / 1024 / 1024 + " Mo pour " + max / 1024 / 1024
              + " Mo au plus ; découpez-le ou utilisez la commande qp geocoder.");
    }
    LocalDate day = null;
    if (date != null && !date.isBlank()) {
      try {
        day = LocalDate.parse(date.trim());
      } catch (DateTimeParseException e) {
        throw QpException.invalid("Paramètre date illisible (format attendu AAAA-MM-JJ).");
      }
    }
    AddressBatch.Options options =
        new AddressBatch.Options(
            columns == null ? List.of() : columns.stream().filter(c -> !c.isBlank()).toList(),
            blankToNull(citycode),
            blankToNull(postcode),
            qpv,
            day,
            service.properties().scoreMin());
    CsvDialect dialect;
    try (InputStream in = data.getInputStream()) {
      dialect = AddressBatch.checkHeader(in.readNBytes(64 * 1024), options);
    }
    String name = data.getOriginalFilename() == null ? "adresses.csv" : data.getOriginalFilename();
    String outName = name.replaceAll("(?i)\\.csv$", "") + ".geocode.csv";
    StreamingResponseBody body =
        out -> {
          try (InputStream in = data.getInputStream()) {
            service.batch(in, out, options);
          }
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", dialect.charset()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(outName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
