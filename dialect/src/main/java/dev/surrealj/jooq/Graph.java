package dev.surrealj.jooq;

import dev.surrealj.value.RecordId;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * A graph traversal, usable as a field ({@code SELECT ->follows->person.name AS friends}) and in conditions
 * ({@code WHERE ->likes->post CONTAINS $p}). Immutable: every step returns a new traversal.
 *
 * <pre>{@code
 * graph().out("follows").out("person").field("name")          // ->follows->person.name
 * graph().in("follows").in("person")                          // <-follows<-person
 * graph().both("knows").both("person")                        // <->knows<->person
 * graph().out("likes", field(name("weight")).gt(2)).out("post") // ->(likes WHERE weight > ?)->post
 * graph().out("follows", "likes").outAny()                    // ->(follows, likes)->?
 * graph(recordId("person", "tobie")).out("likes").out("post") // (?)->likes->post  (bound record id)
 * graph().out("follows").out("person").recurse(1, 3)          // @.{1..3}(->follows->person)
 * graph().out("follows").out("person").collect()              // @.{..+collect}(->follows->person)
 * graph().out("follows").out("person").path()                 // @.{..+path}(->follows->person)
 * graph().out("follows").out("person").shortest(target)       // @.{..+shortest=?}(->follows->person)
 * }</pre>
 */
public final class Graph extends SurrealField<Object> {
    private static final long serialVersionUID = 1L;

    private final Field<?> start;
    private final List<Step> steps;
    /** Recursion: null, or the range / instruction text written after {@code @.}. */
    private final String min;
    private final String max;
    private final String instruction;
    private final Field<?> shortestTarget;
    private final Graph inner;

    private record Step(String arrow, List<String> tables, Condition where, String path) {
    }

    Graph(Field<?> start) {
        this(start, List.of(), null, null, null, null, null);
    }

    private Graph(Field<?> start, List<Step> steps, Graph inner, String min, String max, String instruction,
            Field<?> shortestTarget) {
        super(defaultName(steps), SurrealDataTypes.ANY);
        this.start = start;
        this.steps = steps;
        this.inner = inner;
        this.min = min;
        this.max = max;
        this.instruction = instruction;
        this.shortestTarget = shortestTarget;
    }

    private static String defaultName(List<Step> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (s.path != null) {
                int dot = s.path.lastIndexOf('.');
                return dot < 0 ? s.path : s.path.substring(dot + 1);
            }
            if (s.tables.size() == 1) {
                return s.tables.get(0);
            }
        }
        return "graph";
    }

    private Graph step(Step s) {
        List<Step> l = new ArrayList<>(steps.size() + 1);
        l.addAll(steps);
        l.add(s);
        return new Graph(start, List.copyOf(l), inner, min, max, instruction, shortestTarget);
    }

    private static List<String> tables(String... tables) {
        if (tables.length == 0) {
            throw new IllegalArgumentException("name at least one table");
        }
        return List.of(tables);
    }

    /** {@code ->table} (or {@code ->(a, b)} for several tables). */
    public Graph out(String... tables) {
        return step(new Step("->", tables(tables), null, null));
    }

    /** {@code ->(table WHERE condition)}: an edge or record filter. */
    public Graph out(String table, Condition where) {
        return step(new Step("->", List.of(table), where, null));
    }

    /** {@code ->?}: any table. */
    public Graph outAny() {
        return step(new Step("->", List.of("?"), null, null));
    }

    /** {@code <-table}. */
    public Graph in(String... tables) {
        return step(new Step("<-", tables(tables), null, null));
    }

    /** {@code <-(table WHERE condition)}. */
    public Graph in(String table, Condition where) {
        return step(new Step("<-", List.of(table), where, null));
    }

    /** {@code <-?}: any table. */
    public Graph inAny() {
        return step(new Step("<-", List.of("?"), null, null));
    }

    /** {@code <->table}: both directions. */
    public Graph both(String... tables) {
        return step(new Step("<->", tables(tables), null, null));
    }

    /** {@code <->(table WHERE condition)}. */
    public Graph both(String table, Condition where) {
        return step(new Step("<->", List.of(table), where, null));
    }

    /** {@code .name} (or a dotted path {@code .address.city}) of the records reached. */
    public Graph field(String path) {
        return step(new Step(null, List.of(), null, path));
    }

    /** {@code @.{min..max}(traversal)}: repeats this traversal between {@code min} and {@code max} times. */
    public Graph recurse(int min, int max) {
        return new Graph(start, List.of(), this, Integer.toString(min), Integer.toString(max), null, null);
    }

    /** {@code @.{n}(traversal)}: repeats this traversal exactly {@code n} times. */
    public Graph recurse(int times) {
        return new Graph(start, List.of(), this, Integer.toString(times), null, null, null);
    }

    /** {@code @.{..+collect}(traversal)}: every record reached at any depth, once. */
    public Graph collect() {
        return new Graph(start, List.of(), this, "", "", "+collect", null);
    }

    /** {@code @.{..+path}(traversal)}: every path, as arrays of records. */
    public Graph path() {
        return new Graph(start, List.of(), this, "", "", "+path", null);
    }

    /** {@code @.{..+shortest=target}(traversal)}: the shortest path to {@code target} (a bound record id). */
    public Graph shortest(RecordId target) {
        return new Graph(start, List.of(), this, "", "", "+shortest=", new BoundField<>("target",
                SurrealDataTypes.RECORD_ID, target));
    }

    /** This traversal, recursed between {@code min} and {@code max} times and collecting every record reached. */
    public Graph collect(int min, int max) {
        return new Graph(start, List.of(), this, Integer.toString(min), Integer.toString(max), "+collect", null);
    }

    /** A condition: the traversal reaches {@code value} ({@code traversal CONTAINS value}). */
    public Condition reaches(Object value) {
        return new OperatorCondition(this, "CONTAINS", SurrealDSL.bind(value));
    }

    /** A condition: the traversal reaches at least one record ({@code array::len(traversal) > 0}). */
    public Condition exists() {
        return new SurrealCondition() {
            private static final long serialVersionUID = 1L;

            @Override
            public void renderSurrealQL(SurrealQLWriter out) {
                out.sql("array::len(").visit(Graph.this).sql(") > 0");
            }
        };
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        if (inner != null) {
            out.sql("@.{");
            if (instruction == null) {
                out.sql(min);
                if (max != null) {
                    out.sql("..").sql(max);
                }
            } else {
                out.sql(min).sql("..").sql(max).sql(instruction);
                if (shortestTarget != null) {
                    out.visit(shortestTarget);
                }
            }
            out.sql("}(");
            inner.renderSurrealQL(out);
            out.sql(')');
            return;
        }
        if (start != null) {
            out.sql('(').visit(start).sql(')');
        }
        for (Step s : steps) {
            if (s.path != null) {
                out.sql('.');
                String p = s.path;
                int from = 0;
                for (int i = 0; i <= p.length(); i++) {
                    if (i == p.length() || p.charAt(i) == '.') {
                        if (from > 0) {
                            out.sql('.');
                        }
                        out.ident(p.substring(from, i));
                        from = i + 1;
                    }
                }
                continue;
            }
            out.sql(s.arrow);
            if (s.where == null && s.tables.size() == 1) {
                table(out, s.tables.get(0));
            } else {
                out.sql('(');
                for (int i = 0; i < s.tables.size(); i++) {
                    if (i > 0) {
                        out.sql(", ");
                    }
                    table(out, s.tables.get(i));
                }
                if (s.where != null) {
                    out.sql(" WHERE ").visit(s.where);
                }
                out.sql(')');
            }
        }
    }

    private static void table(SurrealQLWriter out, String t) {
        if (t.equals("?")) {
            out.sql('?');
        } else {
            out.ident(t);
        }
    }
}
