package dev.surrealj.jooq;

/**
 * SQL translation: the value the parser binds to JDBC parameter {@code index} (1-based), so the rendered
 * placeholder can be turned back into the driver's variable for that parameter.
 */
record ParameterMarker(int index) {
    /** {@code ?}: what a column label made from the parameter shows. */
    @Override
    public String toString() {
        return "?";
    }
}
