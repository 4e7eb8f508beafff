package dev.herald.testing;

import jakarta.enterprise.context.ApplicationScoped;

/** Test handler deployed with the WAR: the handler a replay names. */
@ApplicationScoped
public class ReplayWitness extends ReplayRecorder {

  public static final String NAME = "replay-witness";

  @Override
  public String name() {
    return NAME;
  }
}
