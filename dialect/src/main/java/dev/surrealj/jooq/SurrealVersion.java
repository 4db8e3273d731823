package dev.surrealj.jooq;

/**
 * The SurrealQL dialect a query is rendered in: SurrealDB 2.x or 3.x.
 *
 * <p>The differences the renderer knows about: function names ({@code type::thing} → {@code type::record},
 * {@code ::is::} → {@code ::is_}, {@code ::from::} → {@code ::from_}), {@code string::slice} (length in 2.x,
 * end index in 3.x), full-text index syntax ({@code SEARCH} → {@code FULLTEXT}), computed fields
 * ({@code VALUE <future>} → {@code COMPUTED}) and a few aggregate forms.
 *
 * <pre>{@code
 * SurrealVersion.fromServerVersion("surrealdb-2.6.0");  // V2
 * SurrealVersion.fromMajor(3);                          // V3
 * }</pre>
 */
public enum SurrealVersion {
    /** SurrealDB 2.x. */
    V2,
    /** SurrealDB 3.x (the default). */
    V3;

    /** The version for a server major version: 2 (or less) → {@link #V2}, anything else (3+, 0 = unknown) → {@link #V3}. */
    public static SurrealVersion fromMajor(int major) {
        return major > 0 && major <= 2 ? V2 : V3;
    }

    /**
     * The version for a server version text such as {@code surrealdb-3.0.2}, {@code 2.6.0}; {@link #V3} when
     * it cannot be read.
     */
    public static SurrealVersion fromServerVersion(String version) {
        if (version == null) {
            return V3;
        }
        int i = 0;
        int n = version.length();
        while (i < n && !Character.isDigit(version.charAt(i))) {
            i++;
        }
        int major = 0;
        while (i < n && Character.isDigit(version.charAt(i))) {
            major = major * 10 + (version.charAt(i) - '0');
            i++;
        }
        return fromMajor(major);
    }

    /** Whether this is SurrealDB 3.x or later. */
    public boolean isV3() {
        return this == V3;
    }
}
