package dev.herald.schemas.compatibility;

/** How problem messages name the two schemas: "the reader" alone, or "the reader (v2)". */
record Roles(String writer, String reader) {

  static final Roles UNNAMED = new Roles("the writer", "the reader");

  static Roles versions(int writer, int reader) {
    return new Roles("the writer (v" + writer + ")", "the reader (v" + reader + ")");
  }
}
