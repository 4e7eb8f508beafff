package dev.herald.schemas.compatibility;

import static dev.herald.schemas.compatibility.CompatibilityPolicy.BACKWARD;
import static dev.herald.schemas.compatibility.CompatibilityPolicy.BACKWARD_TRANSITIVE;
import static dev.herald.schemas.compatibility.CompatibilityPolicy.FORWARD;
import static dev.herald.schemas.compatibility.CompatibilityPolicy.FORWARD_TRANSITIVE;
import static dev.herald.schemas.compatibility.CompatibilityPolicy.FULL;
import static dev.herald.schemas.compatibility.CompatibilityPolicy.FULL_TRANSITIVE;
import static dev.herald.schemas.compatibility.CompatibilityPolicy.NONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each policy against the latest or every earlier version, in the directions it names. */
class CompatibilityPolicyTest {

  private static final JsonNode A_REQUIRED =
      json(
          """
          {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
          """);

  private static final JsonNode B_ADDED_REQUIRED =
      json(
          """
          {"type": "object",
           "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
           "required": ["a", "b"]}
          """);

  private static final JsonNode B_ADDED_OPTIONAL =
      json(
          """
          {"type": "object",
           "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
           "required": ["a"]}
          """);

  private static final JsonNode A_REMOVED =
      json(
          """
          {"type": "object", "properties": {"c": {"type": "string"}}}
          """);

  private static final JsonNode WEB_SMS_EMAIL =
      json(
          """
          {"type": "object",
           "properties": {"channel": {"enum": ["web", "sms", "email"]}},
           "required": ["channel"]}
          """);

  private static final JsonNode WEB_SMS =
      json(
          """
          {"type": "object",
           "properties": {"channel": {"enum": ["web", "sms"]}},
           "required": ["channel"]}
          """);

  @ParameterizedTest
  @EnumSource(CompatibilityPolicy.class)
  void noEarlierVersionMeansNoProblem(CompatibilityPolicy policy) {
    assertThat(policy.check(List.of(), A_REMOVED)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CompatibilityPolicy.class)
  void addingAnOptionalFieldIsSafeUnderEveryPolicy(CompatibilityPolicy policy) {
    assertThat(policy.check(List.of(A_REQUIRED), B_ADDED_OPTIONAL)).isEmpty();
  }

  @Test
  void noneNeverReportsAnything() {
    assertThat(NONE.check(List.of(A_REQUIRED), B_ADDED_REQUIRED)).isEmpty();
    assertThat(NONE.check(List.of(A_REQUIRED), A_REMOVED)).isEmpty();
    assertThat(NONE.check(List.of(WEB_SMS_EMAIL), json("{\"type\": \"string\"}"))).isEmpty();
  }

  @Test
  void backwardBreaksWhenTheCandidateRequiresAFieldOldDataLacks() {
    assertThat(BACKWARD.check(List.of(A_REQUIRED), B_ADDED_REQUIRED))
        .containsExactly(
            new CompatibilityProblem(
                "/b",
                "v1 → v2: /b is required by the reader (v2) but optional or absent in the writer"
                    + " (v1), and has no default"));
  }

  @Test
  void forwardAllowsANewRequiredFieldOldReadersIgnore() {
    assertThat(FORWARD.check(List.of(A_REQUIRED), B_ADDED_REQUIRED)).isEmpty();
  }

  @Test
  void backwardAllowsRemovingAFieldTheNewReaderNoLongerNeeds() {
    assertThat(BACKWARD.check(List.of(A_REQUIRED), A_REMOVED)).isEmpty();
  }

  @Test
  void forwardBreaksWhenTheCandidateRemovesAFieldOldReadersRequire() {
    assertThat(FORWARD.check(List.of(A_REQUIRED), A_REMOVED))
        .containsExactly(
            new CompatibilityProblem(
                "/a",
                "v1 → v2: /a is required by the reader (v1) but optional or absent in the writer"
                    + " (v2), and has no default"));
  }

  @Test
  void narrowedEnumBreaksBackwardOnly() {
    assertThat(BACKWARD.check(List.of(WEB_SMS_EMAIL), WEB_SMS))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "v1 → v2: /channel enum narrowed: the writer (v1) allows \"email\" but the reader"
                + " (v2) does not");
    assertThat(FORWARD.check(List.of(WEB_SMS_EMAIL), WEB_SMS)).isEmpty();
  }

  @Test
  void widenedEnumBreaksForwardOnly() {
    assertThat(BACKWARD.check(List.of(WEB_SMS), WEB_SMS_EMAIL)).isEmpty();
    assertThat(FORWARD.check(List.of(WEB_SMS), WEB_SMS_EMAIL))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "v1 → v2: /channel enum narrowed: the writer (v2) allows \"email\" but the reader"
                + " (v1) does not");
  }

  @Test
  void fullBreaksOnEitherDirection() {
    assertThat(FULL.check(List.of(A_REQUIRED), B_ADDED_REQUIRED))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/b");
    assertThat(FULL.check(List.of(A_REQUIRED), A_REMOVED))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/a");
    assertThat(FULL.check(List.of(WEB_SMS), WEB_SMS_EMAIL)).hasSize(1);
    assertThat(FULL.check(List.of(WEB_SMS_EMAIL), WEB_SMS)).hasSize(1);
  }

  @Test
  void backwardTransitiveAlsoReadsDataOfOlderVersions() {
    JsonNode v1 = A_REQUIRED;
    JsonNode v2 = B_ADDED_REQUIRED;
    JsonNode v3 = B_ADDED_REQUIRED;

    assertThat(BACKWARD.check(List.of(v1, v2), v3)).isEmpty();
    assertThat(BACKWARD_TRANSITIVE.check(List.of(v1, v2), v3))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "v1 → v3: /b is required by the reader (v3) but optional or absent in the writer"
                + " (v1), and has no default");
    assertThat(BACKWARD_TRANSITIVE.check(List.of(v1, B_ADDED_OPTIONAL), v3))
        .extracting(CompatibilityProblem::message)
        .allSatisfy(message -> assertThat(message).contains("/b is required"))
        .hasSize(2);
    assertThat(BACKWARD_TRANSITIVE.check(List.of(v1, B_ADDED_OPTIONAL), B_ADDED_OPTIONAL))
        .isEmpty();
  }

  @Test
  void forwardTransitiveKeepsEveryOlderReaderWorking() {
    JsonNode v1 = A_REQUIRED;
    JsonNode v2 = A_REMOVED;
    JsonNode v3 = A_REMOVED;

    assertThat(FORWARD.check(List.of(v1, v2), v3)).isEmpty();
    assertThat(FORWARD_TRANSITIVE.check(List.of(v1, v2), v3))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "v1 → v3: /a is required by the reader (v1) but optional or absent in the writer"
                + " (v3), and has no default");
    assertThat(FORWARD_TRANSITIVE.check(List.of(v1, B_ADDED_OPTIONAL), B_ADDED_REQUIRED)).isEmpty();
  }

  @Test
  void fullTransitiveChecksBothDirectionsAgainstEveryVersion() {
    JsonNode v1 = WEB_SMS;
    JsonNode v2 = WEB_SMS_EMAIL;
    JsonNode v3 = WEB_SMS_EMAIL;

    assertThat(FULL.check(List.of(v1, v2), v3)).isEmpty();
    assertThat(FULL_TRANSITIVE.check(List.of(v1, v2), v3))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "v1 → v3: /channel enum narrowed: the writer (v3) allows \"email\" but the reader"
                + " (v1) does not");
    assertThat(FULL_TRANSITIVE.check(List.of(A_REQUIRED, B_ADDED_OPTIONAL), B_ADDED_OPTIONAL))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "backward, BACKWARD",
    "BACKWARD_TRANSITIVE, BACKWARD_TRANSITIVE",
    "backward-transitive, BACKWARD_TRANSITIVE",
    "full-transitive, FULL_TRANSITIVE",
    "' Forward ', FORWARD",
    "none, NONE"
  })
  void parsesNamesInAnyCaseWithDashesOrUnderscores(String name, CompatibilityPolicy expected) {
    assertThat(CompatibilityPolicy.parse(name)).isEqualTo(expected);
  }

  @Test
  void unknownNameIsRejectedWithTheValidNames() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CompatibilityPolicy.parse("sideways"))
        .withMessageContaining("'sideways'")
        .withMessageContaining(
            "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
                + " FULL_TRANSITIVE");
    assertThatIllegalArgumentException().isThrownBy(() -> CompatibilityPolicy.parse(null));
  }

  private static JsonNode json(String text) {
    return JsonMapper.shared().readTree(text);
  }
}
