package dev.herald.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Whether a reader schema accepts all a writer schema allows, rule by rule. */
class SchemaCompatibilityTest {

  private static final String MESSAGE =
      """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "message",
        "type": "object",
        "properties": {
          "messageId": {"type": "string", "minLength": 1, "maxLength": 128},
          "channel": {"type": "string", "enum": ["web", "sms"]},
          "content": {"type": "string", "maxLength": 10000}
        },
        "required": ["messageId", "channel"]
      }
      """;

  private static final String A_REQUIRED =
      """
      {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
      """;

  private static final String CHANNEL_WEB_SMS =
      """
      {"type": "object", "properties": {"channel": {"type": "string", "enum": ["web", "sms"]}}}
      """;

  private static final String CHANNEL_WEB_SMS_EMAIL =
      """
      {"type": "object",
       "properties": {"channel": {"type": "string", "enum": ["web", "sms", "email"]}}}
      """;

  private static final List<String> CATALOG_TYPES =
      List.of(
          "chat.message.sent",
          "chat.user.session_started",
          "chat.conversation.context_updated",
          "integration.webhook.received",
          "system.error");

  @Test
  void identicalSchemasAreCompatible() {
    assertThat(readerCanRead(MESSAGE, MESSAGE)).isEmpty();
  }

  @Test
  void annotationsDoNotMatter() {
    String described =
        """
        {
          "$id": "https://herald.dev/schemas/other.json",
          "title": "other", "description": "described at length", "$comment": "c",
          "type": "object",
          "properties": {
            "messageId": {"type": "string", "minLength": 1, "maxLength": 128,
                          "examples": ["m-1"]},
            "channel": {"type": "string", "enum": ["sms", "web"], "description": "order too"},
            "content": {"type": "string", "maxLength": 10000}
          },
          "required": ["channel", "messageId"]
        }
        """;

    assertThat(readerCanRead(MESSAGE, described)).isEmpty();
    assertThat(readerCanRead(described, MESSAGE)).isEmpty();
  }

  @Test
  void addedOptionalFieldIsCompatible() {
    String reader =
        """
        {"type": "object",
         "properties": {"a": {"type": "string"}, "x": {"type": "integer"}},
         "required": ["a"]}
        """;

    assertThat(readerCanRead(A_REQUIRED, reader)).isEmpty();
  }

  @Test
  void addedRequiredFieldWithoutDefaultBreaksReadingOldData() {
    String reader =
        """
        {"type": "object",
         "properties": {"a": {"type": "string"}, "x": {"type": "string"}},
         "required": ["a", "x"]}
        """;

    assertThat(readerCanRead(A_REQUIRED, reader))
        .containsExactly(
            new CompatibilityProblem(
                "/x",
                "/x is required by the reader but optional or absent in the writer, and has no"
                    + " default"));
  }

  @Test
  void addedRequiredFieldWithDefaultIsCompatible() {
    String reader =
        """
        {"type": "object",
         "properties": {"a": {"type": "string"}, "x": {"type": "string", "default": "en"}},
         "required": ["a", "x"]}
        """;

    assertThat(readerCanRead(A_REQUIRED, reader)).isEmpty();
  }

  @Test
  void fieldMadeRequiredBreaksReadingDataWithoutIt() {
    String optional =
        """
        {"type": "object", "properties": {"a": {"type": "string"}}}
        """;

    assertThat(readerCanRead(optional, A_REQUIRED))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/a");
  }

  @Test
  void removedOptionalFieldIsCompatibleForTheNewReader() {
    String writer =
        """
        {"type": "object",
         "properties": {"a": {"type": "string"}, "old": {"type": "string"}},
         "required": ["a"]}
        """;

    assertThat(readerCanRead(writer, A_REQUIRED)).isEmpty();
  }

  @Test
  void removedRequiredFieldBreaksReadersThatNeedIt() {
    String candidate =
        """
        {"type": "object", "properties": {"b": {"type": "string"}}}
        """;

    assertThat(readerCanRead(candidate, A_REQUIRED))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/a");
  }

  @Test
  void typeChangeFromStringToObjectIsAProblem() {
    String reader =
        """
        {"type": "object",
         "properties": {"a": {"type": "object"}},
         "required": ["a"]}
        """;

    assertThat(readerCanRead(A_REQUIRED, reader))
        .containsExactly(
            new CompatibilityProblem(
                "/a",
                "/a type changed: the writer allows string but the reader accepts only object"));
  }

  @Test
  void integerToNumberWidensButNumberToIntegerNarrows() {
    String integer =
        """
        {"type": "integer", "minimum": 0}
        """;
    String number =
        """
        {"type": "number", "minimum": 0}
        """;

    assertThat(readerCanRead(integer, number)).isEmpty();
    assertThat(readerCanRead(number, integer))
        .singleElement()
        .extracting(CompatibilityProblem::message)
        .isEqualTo(
            "the root type changed: the writer allows number but the reader accepts only integer");
  }

  @Test
  void typeArraysCompareAsSets() {
    String string =
        """
        {"type": "string"}
        """;
    String stringOrNull =
        """
        {"type": ["string", "null"]}
        """;

    assertThat(readerCanRead(string, stringOrNull)).isEmpty();
    assertThat(readerCanRead(stringOrNull, string))
        .extracting(CompatibilityProblem::message)
        .singleElement(STRING)
        .contains("allows null");
  }

  @Test
  void missingTypeMeansAnyType() {
    String string =
        """
        {"type": "string"}
        """;

    assertThat(readerCanRead("{}", string))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root type narrowed: the writer allows any type but the reader accepts only"
                + " string");
    assertThat(readerCanRead(string, "{}")).isEmpty();
  }

  @Test
  void widenedEnumIsCompatible() {
    assertThat(readerCanRead(CHANNEL_WEB_SMS, CHANNEL_WEB_SMS_EMAIL)).isEmpty();
  }

  @Test
  void narrowedEnumNamesTheValuesTheReaderLost() {
    assertThat(readerCanRead(CHANNEL_WEB_SMS_EMAIL, CHANNEL_WEB_SMS))
        .containsExactly(
            new CompatibilityProblem(
                "/channel",
                "/channel enum narrowed: the writer allows \"email\" but the reader does not"));
  }

  @Test
  void enumAddedWhereTheWriterHadNoneIsAProblem() {
    String free =
        """
        {"type": "object", "properties": {"channel": {"type": "string"}}}
        """;

    assertThat(readerCanRead(free, CHANNEL_WEB_SMS))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/channel");
  }

  @Test
  void constIsAOneValueEnum() {
    String constant =
        """
        {"const": "web"}
        """;
    String enumeration =
        """
        {"type": "string", "enum": ["web", "sms"]}
        """;

    assertThat(readerCanRead(constant, enumeration)).isEmpty();
    assertThat(readerCanRead(enumeration, constant))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root enum narrowed: the writer allows \"sms\" but the reader does not");
  }

  @Test
  void listedValuesAreCheckedAgainstTheReadersLimits() {
    String shortCodes =
        """
        {"type": "string", "enum": ["ab", "cd"]}
        """;
    String shortLowercase =
        """
        {"type": "string", "maxLength": 2, "pattern": "^[a-z]+$"}
        """;
    String startingWithA =
        """
        {"type": "string", "pattern": "^a"}
        """;

    assertThat(readerCanRead(shortCodes, shortLowercase)).isEmpty();
    assertThat(readerCanRead(shortCodes, startingWithA))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root value \"cd\" allowed by the writer breaks pattern \"^a\" in the reader");
  }

  @Test
  void tightenedMaxLengthIsAProblem() {
    String reader = MESSAGE.replace("\"maxLength\": 10000", "\"maxLength\": 5000");

    assertThat(readerCanRead(MESSAGE, reader))
        .containsExactly(
            new CompatibilityProblem(
                "/content",
                "/content maxLength tightened to 5000 in the reader from 10000 in the writer"));
    assertThat(readerCanRead(reader, MESSAGE)).isEmpty();
  }

  @Test
  void newLimitsWhereTheWriterHadNoneAreProblems() {
    String free =
        """
        {"type": "string"}
        """;
    String limited =
        """
        {"type": "string", "minLength": 1, "maxLength": 9, "format": "email"}
        """;

    assertThat(readerCanRead(free, limited))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root minLength 1 is new in the reader; the writer has none",
            "the root maxLength 9 is new in the reader; the writer has none",
            "the root format \"email\" is new in the reader; the writer has none");
  }

  @Test
  void numericBoundsCompareInclusiveAndExclusiveLimits() {
    String positive =
        """
        {"type": "number", "exclusiveMinimum": 0}
        """;
    String nonNegative =
        """
        {"type": "number", "minimum": 0}
        """;
    String percentage =
        """
        {"type": "number", "minimum": 0, "maximum": 100}
        """;

    assertThat(readerCanRead(positive, nonNegative)).isEmpty();
    assertThat(readerCanRead(nonNegative, positive))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root lower bound tightened to exclusiveMinimum 0 in the reader from minimum 0 in"
                + " the writer");
    assertThat(readerCanRead(nonNegative, percentage))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root upper bound maximum 100 is new in the reader; the writer has none");
  }

  @Test
  void integerBoundsAreComparedAsIntegers() {
    String positiveInteger =
        """
        {"type": "integer", "exclusiveMinimum": 0}
        """;
    String atLeastOne =
        """
        {"type": "integer", "minimum": 1}
        """;

    assertThat(readerCanRead(positiveInteger, atLeastOne)).isEmpty();
  }

  @Test
  void patternChangeIsAProblem() {
    String letters =
        """
        {"type": "string", "pattern": "^[a-z]+$"}
        """;
    String upToEightLetters =
        """
        {"type": "string", "pattern": "^[a-z]{1,8}$"}
        """;

    assertThat(readerCanRead(letters, upToEightLetters))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root pattern changed to \"^[a-z]{1,8}$\" in the reader from \"^[a-z]+$\" in the"
                + " writer");
  }

  @Test
  void nestedChangesAreReportedAtTheirDataPath() {
    String writer =
        """
        {"type": "object",
         "properties": {
           "content": {"type": "object",
                       "properties": {"text": {"type": "string"}},
                       "required": ["text"]}}}
        """;
    String reader =
        writer.replace("\"text\": {\"type\": \"string\"}", "\"text\": {\"type\": \"array\"}");

    assertThat(readerCanRead(writer, reader))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/content/text");
  }

  @Test
  void arrayItemsAreComparedUnderStar() {
    String writer =
        """
        {"type": "object",
         "properties": {"attachments": {"type": "array", "items": {"type": "string"}}}}
        """;
    String reader =
        """
        {"type": "object",
         "properties": {"attachments": {"type": "array", "maxItems": 10,
                                        "items": {"type": "string", "maxLength": 2048}}}}
        """;

    assertThat(readerCanRead(writer, reader))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/attachments", "/attachments/*");
  }

  @Test
  void closedReaderRejectsAPropertyTheWriterDeclares() {
    String writer =
        """
        {"type": "object",
         "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
         "additionalProperties": false}
        """;
    String reader =
        """
        {"type": "object",
         "properties": {"a": {"type": "string"}},
         "additionalProperties": false}
        """;

    assertThat(readerCanRead(writer, reader))
        .containsExactly(
            new CompatibilityProblem(
                "/b",
                "/b is allowed by the writer but the reader does not list it and forbids"
                    + " additional properties"));
  }

  @Test
  void closingAnOpenSchemaRejectsWhateverElseTheWriterAllowed() {
    String closed =
        """
        {"type": "object",
         "properties": {"a": {"type": "string"}},
         "additionalProperties": false}
        """;
    String open = closed.replace("false", "true");

    assertThat(readerCanRead(open, closed))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root accepts properties the writer does not list, but the reader forbids them"
                + " (additionalProperties: false)");
    assertThat(readerCanRead(closed, open)).isEmpty();
  }

  @Test
  void mapValuesDeclaredByAdditionalPropertiesAreCompared() {
    String writer =
        """
        {"type": "object", "properties": {"headers": {
           "type": "object", "additionalProperties": {"type": "string"}}}}
        """;
    String reader = writer.replace("\"string\"", "\"integer\"");

    assertThat(readerCanRead(writer, reader))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/headers/*");
  }

  @Test
  void refsToDefsAreResolvedOnEachSide() {
    String writer =
        """
        {"type": "object",
         "$defs": {"id": {"type": "string", "maxLength": 128}},
         "properties": {"messageId": {"$ref": "#/$defs/id"}},
         "required": ["messageId"]}
        """;
    String inline =
        """
        {"type": "object",
         "properties": {"messageId": {"type": "string", "maxLength": 128}},
         "required": ["messageId"]}
        """;
    String tighter =
        """
        {"type": "object",
         "$defs": {"identifier": {"type": "string", "maxLength": 64}},
         "properties": {"messageId": {"$ref": "#/$defs/identifier", "description": "id"}},
         "required": ["messageId"]}
        """;

    assertThat(readerCanRead(writer, inline)).isEmpty();
    assertThat(readerCanRead(inline, writer)).isEmpty();
    assertThat(readerCanRead(writer, tighter))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "/messageId maxLength tightened to 64 in the reader from 128 in the writer");
  }

  @Test
  void refsThroughTheDocumentsOwnIdAreLocal() {
    String byId =
        """
        {"$id": "https://herald.dev/schemas/x/v1.json",
         "$defs": {"id": {"type": "string"}},
         "type": "object",
         "properties": {"messageId": {"$ref": "https://herald.dev/schemas/x/v1.json#/$defs/id"}}}
        """;

    assertThat(readerCanRead(byId, byId.replace("\"string\"", "\"integer\"")))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/messageId");
  }

  @Test
  void recursiveRefsTerminate() {
    String tree =
        """
        {"$ref": "#/$defs/node",
         "$defs": {"node": {"type": "object",
                            "properties": {"name": {"type": "string"},
                                           "children": {"type": "array",
                                                        "items": {"$ref": "#/$defs/node"}}}}}}
        """;

    assertThat(readerCanRead(tree, tree)).isEmpty();
    assertThat(readerCanRead(tree, tree.replace("\"type\": \"string\"", "\"type\": \"integer\"")))
        .extracting(CompatibilityProblem::path)
        .contains("/name", "/children/*/name");
  }

  @Test
  void unresolvableRefIsReportedRatherThanTrusted() {
    String string =
        """
        {"type": "string"}
        """;
    String remote =
        """
        {"$ref": "https://example.com/other.json"}
        """;

    assertThat(readerCanRead(string, remote))
        .extracting(CompatibilityProblem::message)
        .singleElement(STRING)
        .contains("https://example.com/other.json");
  }

  @Test
  void equalAlternativesAreCompatible() {
    String ip =
        """
        {"type": "string", "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]}
        """;
    String reordered =
        """
        {"type": "string", "anyOf": [{"format": "ipv6", "description": "v6"}, {"format": "ipv4"}]}
        """;

    assertThat(readerCanRead(ip, ip)).isEmpty();
    assertThat(readerCanRead(ip, reordered)).isEmpty();
  }

  @Test
  void droppedAlternativeIsAProblem() {
    String both =
        """
        {"type": "string", "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]}
        """;
    String v4Only =
        """
        {"type": "string", "anyOf": [{"format": "ipv4"}]}
        """;

    assertThat(readerCanRead(v4Only, both)).isEmpty();
    assertThat(readerCanRead(both, v4Only))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root alternative 2 of the anyOf in the writer is accepted by none of the anyOf"
                + " alternatives in the reader");
  }

  @Test
  void readerAlternativesAcceptingEachWriterTypeAreCompatible() {
    String stringOrNull =
        """
        {"type": ["string", "null"]}
        """;
    String stringOrInteger =
        """
        {"type": ["string", "integer"]}
        """;
    String oneOfStringOrNull =
        """
        {"oneOf": [{"type": "string"}, {"type": "null"}]}
        """;

    assertThat(readerCanRead(stringOrNull, oneOfStringOrNull)).isEmpty();
    assertThat(readerCanRead(stringOrInteger, oneOfStringOrNull))
        .extracting(CompatibilityProblem::message)
        .containsExactly(
            "the root must match the oneOf in the reader, and none of its alternatives accepts"
                + " all that the writer allows");
  }

  @Test
  void writerAlternativesThatPinTheTypeAreEnough() {
    String anyOfStringOrInteger =
        """
        {"anyOf": [{"type": "string"}, {"type": "integer"}]}
        """;
    String stringOrNumber =
        """
        {"type": ["string", "number"]}
        """;

    assertThat(readerCanRead(anyOfStringOrInteger, stringOrNumber)).isEmpty();
  }

  @Test
  void allOfPartsAllApply() {
    String writer =
        """
        {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}},
                   {"required": ["a"]}]}
        """;
    String reader =
        """
        {"allOf": [{"type": "object"}, {"required": ["a", "b"]}]}
        """;

    assertThat(readerCanRead(writer, A_REQUIRED)).isEmpty();
    assertThat(readerCanRead(A_REQUIRED, reader))
        .extracting(CompatibilityProblem::path)
        .containsExactly("/b");
  }

  @Test
  void keywordsTheCheckDoesNotKnowCountAsNarrowingUnlessUnchanged() {
    String integer =
        """
        {"type": "integer"}
        """;
    String multipleOfFive =
        """
        {"type": "integer", "multipleOf": 5}
        """;

    assertThat(readerCanRead(multipleOfFive, multipleOfFive)).isEmpty();
    assertThat(readerCanRead(integer, multipleOfFive))
        .extracting(CompatibilityProblem::message)
        .singleElement(STRING)
        .contains("multipleOf");
  }

  @Test
  void falseSchemasMeanNothingWrittenOrNothingRead() {
    String string =
        """
        {"type": "string"}
        """;

    assertThat(readerCanRead("false", string)).isEmpty();
    assertThat(readerCanRead(string, "false"))
        .extracting(CompatibilityProblem::path)
        .containsExactly("");
  }

  @Test
  void schemasAreLeftAsTheyWere() {
    String text =
        """
        {"type": "string", "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}],
         "$defs": {"x": {"type": "string"}}, "allOf": [{"$ref": "#/$defs/x"}]}
        """;
    JsonNode writer = json(text);
    JsonNode reader = json(text.replace("ipv6", "hostname"));

    SchemaCompatibility.readerCanRead(writer, reader);

    assertThat(writer).isEqualTo(json(text));
    assertThat(reader).isEqualTo(json(text.replace("ipv6", "hostname")));
  }

  @Test
  void everyCatalogSchemaCanReadItself() {
    for (String type : CATALOG_TYPES) {
      JsonNode schema = catalogSchema(type);
      assertThat(SchemaCompatibility.readerCanRead(schema, schema)).as(type).isEmpty();
    }
  }

  private static JsonNode catalogSchema(String type) {
    try (InputStream in =
        SchemaCompatibilityTest.class
            .getClassLoader()
            .getResourceAsStream("schemas/" + type + "/v1.json")) {
      assertThat(in).as(type).isNotNull();
      return JsonMapper.shared().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CompatibilityProblem> readerCanRead(String writer, String reader) {
    return SchemaCompatibility.readerCanRead(json(writer), json(reader));
  }

  static JsonNode json(String text) {
    return JsonMapper.shared().readTree(text);
  }
}
