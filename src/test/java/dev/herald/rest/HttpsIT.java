package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLSession;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * HTTPS on 9443 with the development keystore Liberty generates: the API logs callers in as over
 * HTTP, and probes and scrapers reach {@code /health} and {@code /metrics} without credentials.
 */
@HeraldIT
class HttpsIT {

  private static final int PORT = Integer.getInteger("herald.https.port", 9443);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  @Test
  void theApiAnswersOverHttpsWithTheGeneratedCertificate() throws Exception {
    HttpResponse<String> anonymous = get("api/event-types", null);
    HttpResponse<String> reader = get("api/event-types", DevUser.READER.basicAuthorization());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(reader.statusCode()).isEqualTo(200);
    SSLSession session = reader.sslSession().orElseThrow();
    X509Certificate certificate = (X509Certificate) session.getPeerCertificates()[0];
    assertThat(certificate.getSubjectX500Principal().getName())
        .as("Liberty's generated development certificate")
        .contains("CN=localhost");
  }

  @Test
  void probesAndScrapersNeedNoCredentials() throws Exception {
    assertThat(get("health/ready", null).statusCode()).isIn(200, 503);
    assertThat(get("health/live", null).statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get("metrics", null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("herald_");
  }

  private static HttpResponse<String> get(String path, String authorization) {
    HeraldClient https = HeraldClient.https(PORT);
    return (authorization == null ? https.anonymous() : https.withAuthorization(authorization))
        .get(path);
  }
}
