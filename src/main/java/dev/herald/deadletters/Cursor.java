package dev.herald.deadletters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the next page of a listing starts: for every partition of the listed dead-letter topics,
 * the offset below which dead letters remain to be listed. The first page fixes these bounds at the
 * topics' ends, so dead letters that arrive while a client pages are never mixed into its pages,
 * and every page goes on exactly where the last stopped. On the wire: the positions as entry ids
 * ({@code <channel>-<partition>-<offset>}), comma-separated, in URL-safe Base64.
 */
public record Cursor(Map<Position, Long> bounds) {

  /** One partition of a channel's dead-letter topic. */
  public record Position(String channel, int partition) {}

  public Cursor {
    bounds = Collections.unmodifiableMap(new LinkedHashMap<>(bounds));
  }

  /** The offset below which a partition's dead letters remain; null when the cursor lacks it. */
  public Long bound(Position position) {
    return bounds.get(position);
  }

  public String encode() {
    List<String> ids = new ArrayList<>();
    bounds.forEach(
        (p, bound) -> ids.add(new EntryId(p.channel(), p.partition(), bound).toString()));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(",", ids).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor a listing returned.
   *
   * @throws DeadLetterException.InvalidQuery when the text is not one
   */
  public static Cursor decode(String text) {
    Map<Position, Long> bounds = new LinkedHashMap<>();
    try {
      String ids = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      for (String part : ids.split(",", -1)) {
        EntryId id = EntryId.parse(part);
        if (bounds.put(new Position(id.channel(), id.partition()), id.offset()) != null) {
          throw invalid(text);
        }
      }
    } catch (IllegalArgumentException | DeadLetterException.NotFound e) {
      throw invalid(text);
    }
    return new Cursor(bounds);
  }

  /** A cursor that names partitions the listing does not read: it was made for another filter. */
  static DeadLetterException.InvalidQuery mismatch(Cursor cursor) {
    return new DeadLetterException.InvalidQuery(
        "cursor '"
            + cursor.encode()
            + "' belongs to a listing of other dead-letter topics: page with the same type as the"
            + " first page, or leave cursor out to start from the newest");
  }

  private static DeadLetterException.InvalidQuery invalid(String text) {
    return new DeadLetterException.InvalidQuery(
        "cursor '"
            + text
            + "' is not one a listing returned: pass the 'next' value of the previous page as it"
            + " was, with the same type, reason, handler, from and to, or leave cursor out to"
            + " start from the newest");
  }
}
