package dev.herald.testing;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test handler deployed with the WAR: takes the same events as {@link ReplayWitness}; a replay that
 * names only the witness must leave it untouched.
 */
@ApplicationScoped
public class ReplayBystander extends ReplayRecorder {

  public static final String NAME = "replay-bystander";

  @Override
  public String name() {
    return NAME;
  }
}
