package dev.herald.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.testing.BrokerExtension;
import dev.herald.testing.CrashServer;
import dev.herald.testing.DevUser;
import dev.herald.testing.HeraldClient;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server configured as the README's "Security" section tells production to: HTTP switched off
 * ({@code http_port=-1}) and {@code /metrics} behind a login ({@code metrics_authentication=true}),
 * through environment variables alone.
 */
@ExtendWith(BrokerExtension.class)
class HttpsOnlyIT {

  private static final int HTTP_PORT = Integer.getInteger("herald.https-only.http.port", 9180);

  @Test
  void withHttpOffOnlyHttpsAnswersAndMetricsWantAnOperator() {
    try (CrashServer server =
        new CrashServer(
            HTTP_PORT,
            List.of(),
            Map.of(CrashServer.HTTP_PORT_ENV, "-1", "metrics_authentication", "true"))) {
      server.start();
      HeraldClient https = HeraldClient.https(server.httpsPort());
      server.awaitReady(https.anonymous());

      assertThatThrownBy(() -> new HeraldClient(HTTP_PORT).anonymous().get("health/live"))
          .as("nothing listens on the HTTP port")
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(ConnectException.class);
      assertThat(https.anonymous().get("health/live").statusCode()).isEqualTo(200);
      assertThat(https.as(DevUser.READER).get("api/event-types").statusCode()).isEqualTo(200);
      assertThat(https.anonymous().get("metrics").statusCode()).isEqualTo(401);
      assertThat(https.as(DevUser.READER).get("metrics").statusCode()).isEqualTo(403);
      HttpResponse<String> metrics = https.as(DevUser.OPERATOR).get("metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("herald_");
      assertThat(https.as(DevUser.ADMIN).get("metrics").statusCode()).isEqualTo(200);
    }
  }
}
