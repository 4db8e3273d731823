package dev.surrealj.rpc;

import dev.surrealj.value.None;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one statement of a {@code query} call.
 *
 * <pre>{@code
 * List<QueryResult> results = client.query("CREATE person SET age = $a; SELECT * FROM person",
 *         Map.of("a", 42)).await();
 * for (QueryResult r : results) {
 *     if (r.isOk()) System.out.println(r.time() + " " + r.result());
 *     else System.out.println(r.errorKind() + ": " + r.errorMessage());
 * }
 * Object rows = results.get(1).orThrow();   // the value, or the statement's error as a SurrealException
 * }</pre>
 */
public final class QueryResult {
    /** Status of a statement. */
    public enum Status { OK, ERR }

    private final Status status;
    private final String time;
    private final Object result;
    private final String type;
    private final String errorKind;
    private final Object errorDetails;

    private QueryResult(Status status, String time, Object result, String type, String errorKind,
                        Object errorDetails) {
        this.status = status;
        this.time = time;
        this.result = result;
        this.type = type;
        this.errorKind = errorKind;
        this.errorDetails = errorDetails;
    }

    /** A successful statement result (for tests and other transports). */
    public static QueryResult ok(Object result, String time) {
        return new QueryResult(Status.OK, time, result, null, null, null);
    }

    /** Parses the answer of {@code query}: an array of {@code {status, time, result, type?, kind?, details?}}. */
    static List<QueryResult> listOf(Object answer) {
        if (!(answer instanceof List<?> list)) {
            throw SurrealException.protocol("query answered " + describe(answer) + " instead of an array", null);
        }
        List<QueryResult> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(of(o));
        }
        return Collections.unmodifiableList(out);
    }

    static QueryResult of(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            throw SurrealException.protocol("statement result is " + describe(o) + ", not an object", null);
        }
        Status status = "ERR".equals(m.get("status")) ? Status.ERR : Status.OK;
        String time = m.get("time") instanceof String s ? s : null;
        String type = m.get("type") instanceof String s ? s : null;
        String kind = m.get("kind") instanceof String s ? s : null;
        Object details = m.get("details");
        Object result = m.containsKey("result") ? m.get("result") : None.NONE;
        return new QueryResult(status, time, result, type, kind, details == None.NONE ? null : details);
    }

    private static String describe(Object o) {
        return o == null ? "NULL" : o.getClass().getSimpleName();
    }

    public Status status() {
        return status;
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    /** Execution time as SurrealDB prints it ({@code "850ns"}, {@code "12.3µs"}, {@code "1.2ms"}), or {@code null}. */
    public String time() {
        return time;
    }

    /** {@link #time()} parsed, or {@code null} when absent or not understood. */
    public Duration elapsed() {
        return parseRustDuration(time);
    }

    /** The statement's value (for ERR: the error message, as the server sends it). */
    public Object result() {
        return result;
    }

    /** The statement type the server reports ({@code "live"}, {@code "kill"} …, 3.x), or {@code null}. */
    public String type() {
        return type;
    }

    /** For ERR: the message; otherwise {@code null}. */
    public String errorMessage() {
        return status == Status.ERR ? String.valueOf(result) : null;
    }

    /** For ERR on 3.x: the error kind ({@code AlreadyExists} …); otherwise {@code null}. */
    public String errorKind() {
        return errorKind;
    }

    /** For ERR on 3.x: the error details; otherwise {@code null}. */
    public Object errorDetails() {
        return errorDetails;
    }

    /** For ERR: the error as an exception (not thrown); otherwise {@code null}. */
    public SurrealException error() {
        return status == Status.ERR ? SurrealException.fromStatement(errorMessage(), errorKind, errorDetails) : null;
    }

    /** The value, or throws the statement's error. */
    public Object orThrow() {
        if (status == Status.ERR) {
            throw error();
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryResult q && status == q.status && Objects.equals(time, q.time)
                && Objects.equals(result, q.result) && Objects.equals(type, q.type)
                && Objects.equals(errorKind, q.errorKind) && Objects.equals(errorDetails, q.errorDetails);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, time, result, type, errorKind);
    }

    @Override
    public String toString() {
        String r = String.valueOf(result);
        if (r.length() > 200) {
            r = r.substring(0, 200) + "…";
        }
        return "QueryResult[" + status + (time == null ? "" : ", " + time) + (type == null ? "" : ", " + type)
                + (errorKind == null ? "" : ", " + errorKind) + ", " + r + "]";
    }

    /** Parses Rust's Duration debug text: {@code 850ns}, {@code 12.3µs}, {@code 1.2ms}, {@code 3s}, {@code 1m2s}. */
    static Duration parseRustDuration(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            Duration total = Duration.ZERO;
            int i = 0;
            while (i < s.length()) {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                if (start == i) {
                    return null;
                }
                BigDecimal n = new BigDecimal(s.substring(start, i));
                int u = i;
                while (i < s.length() && !Character.isDigit(s.charAt(i))) {
                    i++;
                }
                long nanosPerUnit = switch (s.substring(u, i)) {
                    case "ns" -> 1L;
                    case "µs", "us", "μs" -> 1_000L;
                    case "ms" -> 1_000_000L;
                    case "s" -> 1_000_000_000L;
                    case "m" -> 60_000_000_000L;
                    case "h" -> 3_600_000_000_000L;
                    default -> -1L;
                };
                if (nanosPerUnit < 0) {
                    return null;
                }
                total = total.plusNanos(n.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
            }
            return total;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
