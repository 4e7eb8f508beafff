package dev.herald.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Deployments;
import dev.herald.testing.HeraldClient;
import dev.herald.testing.HeraldIT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Every probe of {@code deploy/kubernetes} gets 200 and UP from a running server, without login.
 */
@HeraldIT
class KubernetesProbesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.herald();
  }

  private final HeraldClient anonymous = new HeraldClient().anonymous();

  @Test
  void everyProbeOfTheManifestsAnswersUpWithoutCredentials() {
    List<String> paths = KubernetesManifests.read().probePaths();
    assertThat(paths).hasSize(3);

    for (String path : paths) {
      await(path + " UP")
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                HttpResponse<String> response = anonymous.get(path.substring(1));
                assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
                assertThat(HeraldClient.json(response.body()).getString("status"))
                    .as(path)
                    .isEqualTo("UP");
              });
    }
  }
}
