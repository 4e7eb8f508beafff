package dev.herald.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WARs the build produced, as users deploy them; Herald's with the test handlers. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive herald() {
    File war = new File(System.getProperty("herald.war", "target/herald.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war)
        .addClasses(
            FailOnRequestHandler.class,
            FlakyHandler.class,
            HoldingHandler.class,
            EffectCounter.class,
            ReceivedEvents.class,
            ReplayedEvents.class,
            ReplayRecorder.class,
            ReplayWitness.class,
            ReplayBystander.class,
            SwitchedHandler.class,
            TestEvents.class,
            OutboxOrders.class);
  }

  /**
   * The chat archive example (examples/chat-archive), a service that bundles Herald's classes jar,
   * exactly as its own build packaged it.
   */
  public static WebArchive chatArchive() {
    File war = new File(System.getProperty("herald.example.war", "chat-archive.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(
          war + " is missing: the build makes it before the integration tests (invoker:run)");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }
}
