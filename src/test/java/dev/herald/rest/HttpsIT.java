package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Deployments;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * HTTPS on 9443 with the development keystore Liberty generates: the API logs callers in as over
 * HTTP, and probes and scrapers reach {@code /health} and {@code /metrics} without credentials.
 */
@HeraldIT
class HttpsIT {

  private static final URI BASE =
      URI.create("https://localhost:" + Integer.getInteger("herald.https.port", 9443) + "/");

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

  private static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(BASE.resolve(path)).timeout(Duration.ofSeconds(30));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return trustingClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A client that trusts the self-signed development certificate (and only talks to localhost). */
  private static HttpClient trustingClient() throws Exception {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
