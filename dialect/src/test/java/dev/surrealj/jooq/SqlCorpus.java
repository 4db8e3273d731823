package dev.surrealj.jooq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The SQL translation corpus ({@code sql-translation/corpus.txt}): SQL statements of the kinds tools send, each with
 * its expected SurrealQL and its expected rows (or update count, or error).
 *
 * <pre>
 * == name                        (starts a case)
 * sql: SELECT …                  (one line; a following line starting with white space continues it)
 * surql: SELECT …                (expected Connection.nativeSQL)
 * params: 1 | 'Oslo' | null      (JDBC parameters: integers, decimals, 'text', true, false, null,
 *                                ts'2020-01-01T00:00:00Z' (OffsetDateTime), rid'person:1' (a RecordId; text for H2))
 * rows: a,b; c,d                 (expected rows; "rows:" alone for none)
 * count: 2                       (expected update count, instead of rows)
 * error: 0A000 text              (expected SQLState and message fragment, instead of rows)
 * h2: skip reason                (not compared with H2), or
 * h2sql: SELECT …                (H2's spelling of the same statement, when the syntax is another dialect's)
 * </pre>
 */
final class SqlCorpus {
    private SqlCorpus() {
    }

    /** One case. */
    static final class Case {
        String name;
        String sql;
        String surql;
        List<Object> params = new ArrayList<>();
        String rows;
        String count;
        String error;
        String h2Skip;
        String h2Sql;
        int line;

        boolean ordered() {
            return sql.toUpperCase(Locale.ROOT).contains("ORDER BY");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> load(String resource) throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = SqlCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Case c = null;
            String last = null;
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("== ")) {
                    c = new Case();
                    c.name = line.substring(3).strip();
                    c.line = no;
                    out.add(c);
                    continue;
                }
                if (c == null) {
                    throw new IOException(resource + ":" + no + ": text before the first case");
                }
                if (Character.isWhitespace(line.charAt(0)) && last != null) {
                    String more = " " + line.strip();
                    switch (last) {
                        case "sql" -> c.sql += more;
                        case "surql" -> c.surql += more;
                        case "h2sql" -> c.h2Sql += more;
                        default -> throw new IOException(resource + ":" + no + ": continuation of " + last);
                    }
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IOException(resource + ":" + no + ": no key: " + line);
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                last = key;
                switch (key) {
                    case "sql" -> c.sql = value;
                    case "surql" -> c.surql = value;
                    case "params" -> c.params = params(value);
                    case "rows" -> c.rows = value;
                    case "count" -> c.count = value;
                    case "error" -> c.error = value;
                    case "h2" -> c.h2Skip = value;
                    case "h2sql" -> c.h2Sql = value;
                    default -> throw new IOException(resource + ":" + no + ": unknown key " + key);
                }
            }
        }
        for (Case c : out) {
            if (c.sql == null) {
                throw new IOException(resource + ":" + c.line + ": case " + c.name + " needs sql:");
            }
        }
        return out;
    }

    static List<Object> params(String text) {
        List<Object> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String p : text.split("\\|")) {
            String v = p.strip();
            if (v.equals("null")) {
                out.add(null);
            } else if (v.equals("true") || v.equals("false")) {
                out.add(Boolean.valueOf(v));
            } else if (v.startsWith("ts'") && v.endsWith("'")) {
                out.add(OffsetDateTime.parse(v.substring(3, v.length() - 1)));
            } else if (v.startsWith("rid'") && v.endsWith("'")) {
                out.add(dev.surrealj.value.RecordId.parse(v.substring(4, v.length() - 1)));
            } else if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
                out.add(v.substring(1, v.length() - 1));
            } else if (v.contains(".")) {
                out.add(new BigDecimal(v));
            } else {
                out.add(Long.valueOf(v));
            }
        }
        return out;
    }

    /** Rows as {@code v1,v2; v1,v2}; sorted when the statement has no ORDER BY. */
    static String format(ResultSet rs, boolean ordered) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> vals = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                vals.add(value(rs.getObject(i)));
            }
            rows.add(String.join(",", vals));
        }
        if (!ordered) {
            Collections.sort(rows);
        }
        return String.join("; ", rows);
    }

    /** One value in a form both engines share: numbers to 4 decimals, times as UTC instants. */
    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double x && (x.isNaN() || x.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return v.toString();
        }
        if (v instanceof Number num) {
            BigDecimal d = num instanceof BigDecimal b ? b : new BigDecimal(num.toString());
            d = d.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant().toString();
        }
        if (v instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC).toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC).toString(); // as a datetime at 00:00 UTC
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        return String.valueOf(v);
    }
}
