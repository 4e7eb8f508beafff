package dev.herald.schemas.compatibility;

/**
 * One reason two schema versions are incompatible.
 *
 * @param path JSON pointer into the event data, not into the schema: {@code /content/text} for a
 *     nested property, {@code /attachments/*} for every item of an array (and every value of a map
 *     declared with {@code additionalProperties}); empty for the data itself
 * @param message what changed and why it breaks, naming the versions when they are known
 */
public record CompatibilityProblem(String path, String message) {}
