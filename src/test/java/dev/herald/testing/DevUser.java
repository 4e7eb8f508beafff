package dev.herald.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The development users of {@code src/dev/liberty} and {@code src/test/liberty} (configDropins
 * dev-users.xml), each alone in the group of its role.
 */
public enum DevUser {
  PUBLISHER,
  READER,
  OPERATOR,
  ADMIN;

  /** The user's name, which is also its group's and its role's. */
  public String username() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String password() {
    return username() + "-dev";
  }

  /** The value of an {@code Authorization} header that logs this user in with HTTP Basic. */
  public String basicAuthorization() {
    String credentials = username() + ":" + password();
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
