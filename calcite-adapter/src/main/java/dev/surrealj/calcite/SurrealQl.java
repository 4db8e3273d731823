package dev.surrealj.calcite;

import java.util.regex.Pattern;

/** SurrealQL lexical helpers. */
final class SurrealQl {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SurrealQl() {
    }

    /** A top-level field name (not a nested path such as {@code a.b} or {@code tags.*}). */
    static boolean isPlainField(String name) {
        return name != null && !name.isEmpty() && name.indexOf('.') < 0 && name.indexOf('[') < 0
                && name.indexOf('*') < 0 && name.indexOf('`') < 0 && name.indexOf('⟩') < 0;
    }

    /** A plain identifier (letters, digits, underscore) that is safe to splice as a table or field name. */
    static boolean isIdentifier(String name) {
        return name != null && PLAIN.matcher(name).matches();
    }

    /** A field or alias in backticks. */
    static String field(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
