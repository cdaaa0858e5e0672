package fr.quartiersproductifs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.quartiersproductifs.support.DatabaseTest;
import fr.quartiersproductifs.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@DatabaseTest
class ApplicationTest {
  @LocalServerPort int port;

  @Test
  void health_endpoint_is_up() {
    var response = new Http(port).get("/actuator/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"UP\"");
  }

  @Test
  void openapi_description_is_served() {
    var response = new Http(port).get("/v3/api-docs");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"openapi\"");
  }
}
