package dev.herald.schemas.compatibility;

/** JSON pointers into event data, as problems report them. */
final class Pointer {

  /** The pointer step that stands for every array item or every additional property value. */
  static final String ANY = "*";

  private Pointer() {}

  static String child(String path, String name) {
    return path + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  /** The path as a message's subject; the empty pointer reads badly on its own. */
  static String describe(String path) {
    return path.isEmpty() ? "the root" : path;
  }
}
