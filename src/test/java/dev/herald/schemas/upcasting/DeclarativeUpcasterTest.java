package dev.herald.schemas.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.Upcaster;
import dev.herald.events.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeclarativeUpcasterTest {

  @Test
  void eachOperationChangesTheDataAndLeavesTheInputAlone() {
    JsonNode v1 =
        json(
            """
            {"content":"hi","first":"Ada","last":"Lovelace","full":"Grace Hopper","legacy":true,
             "old":{"name":"x"}}""");
    Upcaster upcaster =
        DeclarativeUpcaster.of(
            "t.x.happened",
            1,
            json(
                """
                [{"op":"nest","path":"/content","as":"text"},
                 {"op":"default","path":"/language","value":"en"},
                 {"op":"default","path":"/content/text","value":"never used"},
                 {"op":"merge","from":["/first","/last"],"to":"/author","separator":" "},
                 {"op":"split","from":"/full","to":["/given","/family"]},
                 {"op":"rename","from":"/old/name","to":"/label"},
                 {"op":"remove","path":"/legacy"}]"""));

    JsonNode v2 = upcaster.upcast(v1);

    assertThat(v2)
        .isEqualTo(
            json(
                """
                {"content":{"text":"hi"},"old":{},"language":"en","author":"Ada Lovelace",
                 "given":"Grace","family":"Hopper","label":"x"}"""));
    assertThat(v1.get("content").stringValue()).isEqualTo("hi");
    assertThat(upcaster.fromVersion()).isEqualTo(1);
  }

  @Test
  void schemaIsChangedTheSameWay() {
    DeclarativeUpcaster upcaster =
        DeclarativeUpcaster.of(
            "t.x.happened",
            1,
            json(
                """
                [{"op":"nest","path":"/content","as":"text"},
                 {"op":"rename","from":"/user","to":"/userId"},
                 {"op":"default","path":"/language","value":"en"}]"""));

    JsonNode schema =
        upcaster.upcastSchema(
            json(
                """
                {"type":"object","required":["content","user"],
                 "properties":{"content":{"type":"string"},"user":{"type":"string"}}}"""));

    assertThat(schema)
        .isEqualTo(
            json(
                """
                {"type":"object","required":["content","userId","language"],
                 "properties":{"content":{"type":"object","properties":{"text":{"type":"string"}},
                                          "required":["text"]},
                               "userId":{"type":"string"},"language":{"type":"string"}}}"""));
  }

  @Test
  void unknownOperationIsNamed() {
    assertThatThrownBy(
            () ->
                DeclarativeUpcaster.of(
                    "t",
                    1,
                    json(
                        "[{\"op\":\"rename\",\"from\":\"/a\",\"to\":\"/b\"},{\"op\":\"explode\"}]")))
        .hasMessage(
            "operation 1: unknown op 'explode'; known: rename, default, nest, remove, merge, split");
  }

  private static JsonNode json(String text) {
    return Json.MAPPER.readTree(text);
  }
}
