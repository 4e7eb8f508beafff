package dev.herald.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, as users deploy it, plus the test handler. */
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
            TestEvents.class);
  }
}
