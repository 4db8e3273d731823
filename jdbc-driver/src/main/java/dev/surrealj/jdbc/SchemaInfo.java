package dev.surrealj.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code INFO FOR DB STRUCTURE} and {@code INFO FOR TABLE t STRUCTURE} tell about a database, read
 * into plain records. Both SurrealDB 2.x and 3.x answer {@code STRUCTURE} with objects and lists
 * rather than {@code DEFINE} text; their shapes differ in details this class smooths over:
 *
 * <table>
 *   <caption>2.x and 3.x STRUCTURE answers</caption>
 *   <tr><th>what</th><th>3.x</th><th>2.x</th></tr>
 *   <tr><td>table is SCHEMAFULL</td><td>{@code schemafull: true}</td><td>{@code full: true}</td></tr>
 *   <tr><td>optional field type</td><td>{@code none | int}</td><td>{@code option<int>}</td></tr>
 *   <tr><td>array element field</td><td>{@code tags.*}</td><td>{@code tags[*]}</td></tr>
 *   <tr><td>index columns</td><td>list {@code ["name", "age"]}</td><td>text {@code "name, age"}</td></tr>
 *   <tr><td>full-text index</td><td>{@code FULLTEXT ANALYZER …}</td><td>{@code SEARCH ANALYZER …}</td></tr>
 *   <tr><td>computed field</td><td>{@code computed: "expr"}</td><td>(none; {@code value})</td></tr>
 * </table>
 *
 * <p>Names that are not plain identifiers come back quoted ({@code `weird name`}); they are unquoted
 * here ({@link #unquotePath}). Field paths keep their dots ({@code address.city}).
 */
final class SchemaInfo {
    private SchemaInfo() {
    }

    /** {@code TABLE_TYPE} of a normal or schemaless table. */
    static final String TABLE = "TABLE";
    /** {@code TABLE_TYPE} of a {@code TYPE RELATION} table. */
    static final String RELATION = "RELATION";
    /** {@code TABLE_TYPE} of a {@code DEFINE TABLE … AS SELECT} table. */
    static final String VIEW = "VIEW";

    /**
     * One table of {@code INFO FOR DB}.
     *
     * @param name       the table name
     * @param type       {@link #TABLE}, {@link #RELATION} or {@link #VIEW}
     * @param schemafull whether it is SCHEMAFULL
     * @param comment    its COMMENT, or {@code null}
     * @param view       the {@code SELECT …} of a view (without {@code AS}), else {@code null}
     * @param in         the tables of {@code IN} of a relation (empty: any)
     * @param out        the tables of {@code OUT} of a relation (empty: any)
     */
    record Table(String name, String type, boolean schemafull, String comment, String view, List<String> in,
                 List<String> out) {
        /** Copies the lists. */
        Table {
            in = List.copyOf(in);
            out = List.copyOf(out);
        }

        /** Whether the columns are inferred from records (SCHEMALESS tables and views). */
        boolean sampled() {
            return !schemafull || view != null;
        }
    }

    /**
     * One field of {@code INFO FOR TABLE}.
     *
     * @param name         the unquoted path ({@code address.city}, {@code tags.*} …)
     * @param type         the TYPE text as the server prints it ({@code none | int}), or {@code null}
     * @param defaultValue the DEFAULT expression, or {@code null}
     * @param value        the VALUE expression, or {@code null}
     * @param computed     the COMPUTED expression (3.x), or {@code null}
     * @param comment      the COMMENT, or {@code null}
     * @param readonly     whether READONLY
     * @param onDelete     the {@code REFERENCE ON DELETE} action ({@code CASCADE}, {@code REJECT},
     *                     {@code UNSET}, {@code IGNORE}, {@code THEN …}), {@code null} without REFERENCE
     */
    record Field(String name, String type, String defaultValue, String value, String computed, String comment,
                 boolean readonly, String onDelete) {
        /** Whether this describes the elements of an array or set ({@code tags.*}, {@code tags[*]}) or below them. */
        boolean isElement() {
            return name.contains("*") || name.contains("[");
        }

        /**
         * Whether the value is computed rather than written: COMPUTED, or VALUE whose expression does not
         * use the written value ({@code $value}, {@code $input}, {@code $before}, {@code $after}).
         */
        boolean generated() {
            if (computed != null) {
                return true;
            }
            if (value == null) {
                return false;
            }
            String v = value.toLowerCase(Locale.ROOT);
            return !(v.contains("$value") || v.contains("$input") || v.contains("$before") || v.contains("$after"));
        }
    }

    /**
     * One index of {@code INFO FOR TABLE}.
     *
     * @param name    the index name
     * @param columns the indexed fields (unquoted paths; empty for COUNT)
     * @param spec    the index clause as printed: {@code UNIQUE}, empty for a plain index,
     *                {@code HNSW DIMENSION 3 DIST COSINE …}, {@code FULLTEXT ANALYZER …}, {@code SEARCH …},
     *                {@code MTREE …}, {@code COUNT}
     */
    record Index(String name, List<String> columns, String spec) {
        /** Copies the list. */
        Index {
            columns = List.copyOf(columns);
            spec = spec == null ? "" : spec.strip();
        }

        /**
         * {@code INDEX} (plain), {@code UNIQUE}, {@code HNSW}, {@code MTREE}, {@code FULLTEXT}, {@code SEARCH},
         * {@code COUNT} …
         */
        String kind() {
            if (spec.isEmpty()) {
                return "INDEX";
            }
            int sp = spec.indexOf(' ');
            return (sp < 0 ? spec : spec.substring(0, sp)).toUpperCase(Locale.ROOT);
        }

        /** Whether values are unique. */
        boolean unique() {
            return kind().equals("UNIQUE");
        }

        /** Whether it is an ordered index over values (plain or UNIQUE), usable for sorting and ranges. */
        boolean ordered() {
            return kind().equals("INDEX") || unique();
        }
    }

    /**
     * A parameter of a function.
     *
     * @param name the name without {@code $}
     * @param type the type text ({@code string}, {@code none | int} …)
     */
    record Param(String name, String type) {
    }

    /**
     * A {@code DEFINE FUNCTION}.
     *
     * @param name    the full name ({@code fn::greet})
     * @param params  the parameters in order
     * @param returns the declared return type, or {@code null}
     * @param comment the COMMENT, or {@code null}
     */
    record Function(String name, List<Param> params, String returns, String comment) {
        /** Copies the list. */
        Function {
            params = List.copyOf(params);
        }
    }

    /**
     * The tables (by name, sorted) and functions (sorted by name) of one database.
     *
     * @param tables    table name → table
     * @param functions the functions
     */
    record Database(Map<String, Table> tables, List<Function> functions) {
        static final Database EMPTY = new Database(Map.of(), List.of());
    }

    /**
     * The fields and indexes of one table.
     *
     * @param fields  the fields, sorted by path
     * @param indexes the indexes, sorted by name
     */
    record TableDetail(List<Field> fields, List<Index> indexes) {
        static final TableDetail EMPTY = new TableDetail(List.of(), List.of());

        /** The field of that (unquoted) path, or {@code null}. */
        Field field(String path) {
            for (Field f : fields) {
                if (f.name().equals(path)) {
                    return f;
                }
            }
            return null;
        }
    }

    // ------------------------------------------------------------------ columns

    /**
     * A column as {@code getColumns} reports it.
     *
     * @param name          the field path ({@code id}, {@code name}, {@code address.city})
     * @param type          the SurrealDB type (name without {@code option<>}, JDBC type, nullability)
     * @param defaultValue  the DEFAULT expression, or {@code null}
     * @param remarks       the COMMENT, or how the column was inferred, or {@code null}
     * @param generated     whether the value is computed (COMPUTED, or a VALUE not using {@code $value})
     * @param autoIncrement whether the server makes the value when none is given ({@code id})
     * @param field         the field definition, or {@code null} for {@code id}, inferred and synthetic columns
     */
    record Column(String name, SurrealTypes.Type type, String defaultValue, String remarks, boolean generated,
                  boolean autoIncrement, Field field) {
    }

    /**
     * The columns of a table, {@code id} first:
     * <ol>
     *   <li>{@code id} ({@code record<t>}, never NULL, made by the server when not given);</li>
     *   <li>for a relation, {@code in} and {@code out} (their DEFINE FIELD, else {@code record<…>} of the
     *       table's IN/OUT tables);</li>
     *   <li>the defined fields in path order, {@code address.city} right after {@code address}; the
     *       fields of array elements ({@code tags.*}) are part of their array's type, not columns. A
     *       field under an optional one is nullable;</li>
     *   <li>for a view, the names of its projection ({@code AS SELECT name, age FROM person}), typed
     *       from the source table's fields when they are plain fields of it;</li>
     *   <li>for SCHEMALESS tables and views, the other top-level keys of the sampled records (sorted),
     *       typed from their values ({@link SurrealTypes#nameOf}, mixed types merged), nullable, with
     *       REMARKS saying they were inferred. Without samples only the defined ones are known.</li>
     * </ol>
     *
     * @param table   the table
     * @param detail  its fields and indexes
     * @param source  the fields of a view's source table, or {@code null}
     * @param samples sampled records, or {@code null} when none were read
     */
    static List<Column> columns(Table table, TableDetail detail, TableDetail source, List<?> samples) {
        Map<String, Column> out = new java.util.LinkedHashMap<>();
        out.put(Columns.ID, new Column(Columns.ID,
                new SurrealTypes.Type("record<" + table.name() + ">", java.sql.Types.OTHER, false), null,
                null, false, true, null));
        if (table.type().equals(RELATION)) {
            for (String end : List.of("in", "out")) {
                Field f = detail.field(end);
                if (f != null && f.type() != null) {
                    out.put(end, fieldColumn(f, false));
                } else {
                    List<String> targets = end.equals("in") ? table.in() : table.out();
                    String type = targets.isEmpty() ? "record" : "record<" + String.join(" | ", targets) + ">";
                    out.put(end, new Column(end, new SurrealTypes.Type(type, java.sql.Types.OTHER, false), null,
                            null, false, false, f));
                }
            }
        }
        for (Field f : detail.fields()) {
            if (f.isElement() || out.containsKey(f.name())) {
                continue;
            }
            out.put(f.name(), fieldColumn(f, underOptional(f.name(), detail)));
        }
        Map<String, String> sampledTypes = sampledTypes(samples);
        int sampleCount = samples == null ? 0 : samples.size();
        if (table.view() != null) {
            SelectInfo select = SelectInfo.analyze(table.view());
            if (select != null && select.columnOrder() != null) {
                for (String name : select.columnOrder()) {
                    if (name.equals(SelectInfo.REST) || out.containsKey(name)) {
                        continue;
                    }
                    Field f = source != null && select.fieldNames().contains(name) ? source.field(name) : null;
                    if (f != null) {
                        Column c = fieldColumn(f, false);
                        out.put(name, new Column(name, c.type(), null, c.remarks(), false, false, null));
                    } else {
                        String sampled = sampledTypes.get(name);
                        out.put(name, inferred(name, sampled == null ? "any" : sampled,
                                sampled == null ? "computed by the view" : inferredRemark(sampleCount)));
                    }
                }
            }
        }
        if (table.sampled()) {
            for (Map.Entry<String, String> e : sampledTypes.entrySet()) {
                if (!out.containsKey(e.getKey())) {
                    out.put(e.getKey(), inferred(e.getKey(), e.getValue(), inferredRemark(sampleCount)));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** REMARKS of an inferred column. */
    static String inferredRemark(int sampleCount) {
        return "inferred from " + sampleCount + " sampled record" + (sampleCount == 1 ? "" : "s");
    }

    private static Column inferred(String name, String typeName, String remarks) {
        SurrealTypes.Type t = SurrealTypes.parse(typeName);
        return new Column(name, new SurrealTypes.Type(t.name(), t.sqlType(), true), null, remarks, false, false,
                null);
    }

    private static Column fieldColumn(Field f, boolean forceNullable) {
        SurrealTypes.Type t = SurrealTypes.parse(f.type());
        if (forceNullable && !t.nullable()) {
            t = new SurrealTypes.Type(t.name(), t.sqlType(), true);
        }
        return new Column(f.name(), t, f.defaultValue(), f.comment(), f.generated(), false, f);
    }

    /** Whether a parent of {@code path} ({@code address} of {@code address.city}) is optional. */
    private static boolean underOptional(String path, TableDetail detail) {
        int dot = path.lastIndexOf('.');
        while (dot > 0) {
            String parent = path.substring(0, dot);
            Field p = detail.field(parent);
            if (p != null && SurrealTypes.parse(p.type()).nullable()) {
                return true;
            }
            dot = parent.lastIndexOf('.');
        }
        return false;
    }

    /** Top-level key → merged type name of the sampled records (sorted by key; {@code id} left out). */
    static Map<String, String> sampledTypes(List<?> samples) {
        Map<String, String> types = new TreeMap<>();
        if (samples == null) {
            return types;
        }
        for (Object row : samples) {
            if (!(row instanceof Map<?, ?> m)) {
                continue;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals(Columns.ID)) {
                    continue;
                }
                String t = SurrealTypes.nameOf(e.getValue());
                types.merge(key, t, SurrealTypes::merge);
            }
        }
        types.replaceAll((k, v) -> v == null || v.equals("null") || v.equals("none") ? "any" : v);
        return types;
    }

    // ------------------------------------------------------------------ parsing

    /** Reads an {@code INFO FOR DB STRUCTURE} answer; {@link Database#EMPTY} for anything else. */
    static Database database(Object answer) {
        if (!(answer instanceof Map<?, ?> info)) {
            return Database.EMPTY;
        }
        Map<String, Table> tables = new TreeMap<>();
        for (Map<?, ?> t : maps(info.get("tables"))) {
            String name = text(t.get("name"));
            if (name == null) {
                continue;
            }
            name = unquote(name);
            String view = text(t.get("view"));
            if (view != null) {
                view = view.strip();
                if (view.regionMatches(true, 0, "AS", 0, 2) && view.length() > 2
                        && Character.isWhitespace(view.charAt(2))) {
                    view = view.substring(3).strip();
                }
            }
            Object kind = t.get("kind");
            String kindName = kind instanceof Map<?, ?> k ? text(k.get("kind")) : text(kind);
            List<String> in = kind instanceof Map<?, ?> k ? names(k.get("in")) : List.of();
            List<String> out = kind instanceof Map<?, ?> k ? names(k.get("out")) : List.of();
            boolean relation = kindName != null && kindName.equalsIgnoreCase("RELATION");
            String type = view != null ? VIEW : relation ? RELATION : TABLE;
            boolean full = Boolean.TRUE.equals(t.get("schemafull")) || Boolean.TRUE.equals(t.get("full"));
            tables.put(name, new Table(name, type, full, text(t.get("comment")), view, in, out));
        }
        List<Function> functions = new ArrayList<>();
        for (Map<?, ?> f : maps(info.get("functions"))) {
            String name = text(f.get("name"));
            if (name == null) {
                continue;
            }
            List<Param> params = new ArrayList<>();
            if (f.get("args") instanceof List<?> args) {
                for (Object a : args) {
                    if (a instanceof List<?> pair && pair.size() >= 1) {
                        String p = text(pair.get(0));
                        if (p != null && p.startsWith("$")) {
                            p = p.substring(1);
                        }
                        params.add(new Param(p, pair.size() > 1 ? text(pair.get(1)) : null));
                    }
                }
            }
            functions.add(new Function("fn::" + name, params, text(f.get("returns")), text(f.get("comment"))));
        }
        functions.sort(Comparator.comparing(Function::name));
        return new Database(Collections.unmodifiableMap(tables), List.copyOf(functions));
    }

    /** Reads an {@code INFO FOR TABLE t STRUCTURE} answer; {@link TableDetail#EMPTY} for anything else. */
    static TableDetail table(Object answer) {
        if (!(answer instanceof Map<?, ?> info)) {
            return TableDetail.EMPTY;
        }
        List<Field> fields = new ArrayList<>();
        for (Map<?, ?> f : maps(info.get("fields"))) {
            String name = text(f.get("name"));
            if (name == null) {
                continue;
            }
            String onDelete = null;
            if (f.get("reference") instanceof Map<?, ?> ref) {
                onDelete = text(ref.get("on_delete"));
                if (onDelete == null) {
                    onDelete = "IGNORE";
                }
            }
            fields.add(new Field(unquotePath(name), text(f.get("kind")), text(f.get("default")), text(f.get("value")),
                    text(f.get("computed")), text(f.get("comment")), Boolean.TRUE.equals(f.get("readonly")),
                    onDelete));
        }
        fields.sort(Comparator.comparing(Field::name, SchemaInfo::comparePaths));
        List<Index> indexes = new ArrayList<>();
        for (Map<?, ?> i : maps(info.get("indexes"))) {
            String name = text(i.get("name"));
            if (name == null) {
                continue;
            }
            List<String> cols = new ArrayList<>();
            Object c = i.get("cols");
            if (c instanceof List<?> l) {
                for (Object o : l) {
                    if (o != null) {
                        cols.add(unquotePath(String.valueOf(o)));
                    }
                }
            } else if (c instanceof String s && !s.isBlank()) {
                for (String part : splitTopLevel(s)) {
                    if (!part.isBlank()) {
                        cols.add(unquotePath(part.strip()));
                    }
                }
            }
            indexes.add(new Index(unquote(name), cols, text(i.get("index"))));
        }
        indexes.sort(Comparator.comparing(Index::name));
        return new TableDetail(List.copyOf(fields), List.copyOf(indexes));
    }

    /** Compares field paths segment by segment: {@code a.b} right after {@code a} (before {@code a-b}, {@code aa}). */
    static int comparePaths(String a, String b) {
        String[] x = a.split("\\.", -1);
        String[] y = b.split("\\.", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        } else if (list instanceof Map<?, ?> m) {
            // a plain INFO answer: name → definition (not expected with STRUCTURE)
            for (Object o : m.values()) {
                if (o instanceof Map<?, ?> inner) {
                    out.add(inner);
                }
            }
        }
        return out;
    }

    private static List<String> names(Object list) {
        List<String> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o != null) {
                    out.add(unquote(String.valueOf(o)));
                }
            }
        } else if (list instanceof String s && !s.isBlank()) {
            for (String part : s.split("\\|")) {
                out.add(unquote(part.strip()));
            }
        }
        return out;
    }

    private static String text(Object o) {
        return o == null || o instanceof Map || o instanceof List || o == dev.surrealj.value.None.NONE
                ? null : String.valueOf(o);
    }

    /** An identifier without its backticks or {@code ⟨⟩} (escapes resolved); other text as it is. */
    static String unquote(String name) {
        String s = name.strip();
        if (s.length() >= 2 && (s.charAt(0) == '`' && s.charAt(s.length() - 1) == '`'
                || s.charAt(0) == '⟨' && s.charAt(s.length() - 1) == '⟩')) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 1; i < s.length() - 1; i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() - 1) {
                    c = s.charAt(++i);
                }
                b.append(c);
            }
            return b.toString();
        }
        return s;
    }

    /** A field path with each quoted segment unquoted: {@code address.`post code`} → {@code address.post code}. */
    static String unquotePath(String path) {
        if (path.indexOf('`') < 0 && path.indexOf('⟨') < 0) {
            return path.strip();
        }
        StringBuilder out = new StringBuilder();
        StringBuilder seg = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                seg.append(c);
                if (c == '\\' && i + 1 < path.length()) {
                    seg.append(path.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '`') {
                quote = '`';
                seg.append(c);
            } else if (c == '⟨') {
                quote = '⟩';
                seg.append(c);
            } else if (c == '.') {
                out.append(unquote(seg.toString())).append('.');
                seg.setLength(0);
            } else {
                seg.append(c);
            }
        }
        out.append(unquote(seg.toString()));
        return out.toString();
    }

    /** Splits at commas outside quotes and brackets. */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '`') {
                quote = '`';
            } else if (c == '⟨') {
                quote = '⟩';
            } else if (c == '(' || c == '[' || c == '{' || c == '<') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}' || c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
