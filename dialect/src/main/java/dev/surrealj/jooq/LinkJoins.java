package dev.surrealj.jooq;

import dev.surrealj.jdbc.SqlTranslator;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * SQL translation: plans joins along record links with the connection's schema.
 *
 * <ul>
 *   <li>{@code a JOIN b ON a.f = b.id} where field {@code f} of {@code a} is defined as {@code record<b>} (also
 *       {@code option<record<b>>}, or a plain {@code record}): the rows come from {@code a}, and {@code b.x} is
 *       the path {@code f.x}. An inner join adds {@code f.id IS NOT NULL} (the link is set and its record exists);
 *       {@code a LEFT JOIN b} does not.</li>
 *   <li>joins through a relation table ({@code DEFINE TABLE e TYPE RELATION}): {@code e.in = a.id} and
 *       {@code e.out = b.id}. When all joins are inner and both ends are joined, the rows come from the graph arrows
 *       {@code a->e->b} ({@link GraphArrows}, SurrealDB 3.x): {@code a.x} is the start record's {@code x} and
 *       {@code b.x} the path {@code _b.x}; the plan carries the edge read as its fallback, which the renderer uses
 *       when the statement reads a column of {@code e} itself (or an unqualified column). Otherwise (and as that
 *       fallback) {@code e} is the table the rows come from, one row per edge, and {@code a.x}, {@code b.x} are the
 *       paths {@code in.x}, {@code out.x}.</li>
 *   <li>links chain ({@code a.f.g.x}); every joined table must be reached from one table by exactly one link.</li>
 * </ul>
 * Any other join fails with {@link UnsupportedSurrealQLException} naming the Calcite adapter.
 */
final class LinkJoins implements JoinPlanner {
    private static final Pattern RECORD = Pattern.compile("record\\s*(?:<([^>]*)>)?", Pattern.CASE_INSENSITIVE);

    private final SqlTranslator.Context context;
    private final boolean arrows;
    private boolean consulted;
    /** Whether the join being planned has a LEFT join. */
    private boolean left;

    /**
     * @param arrows whether joins through a relation table may be planned as graph arrows (SurrealDB 3.x, where the
     *               rendering is verified)
     */
    LinkJoins(SqlTranslator.Context context, boolean arrows) {
        this.context = context;
        this.arrows = arrows;
    }

    /** Whether a plan consulted the schema (then the translation depends on the database and is not cached). */
    boolean consulted() {
        return consulted;
    }

    /** One table of the join. */
    private static final class Node {
        final Table<?> expr;
        final String table;
        final String qualifier;
        Node parent;
        String via;
        boolean inner;

        Node(Table<?> expr, String table, String qualifier) {
            this.expr = expr;
            this.table = table;
            this.qualifier = qualifier;
        }
    }

    @Override
    public JoinPlan plan(QOM.JoinTable<?, ?> join) {
        consulted = true;
        left = false;
        List<Node> nodes = new ArrayList<>();
        collect(join, nodes);
        Node root = null;
        for (Node n : nodes) {
            if (n.parent == null) {
                if (root != null) {
                    throw UnsupportedSurrealQLException.relational("A join of " + root.qualifier + " and "
                            + n.qualifier + " that no record link connects");
                }
                root = n;
            }
        }
        if (root == null) {
            throw UnsupportedSurrealQLException.relational("A join whose record links form a cycle");
        }
        Map<String, List<String>> paths = new LinkedHashMap<>();
        Condition filter = null;
        for (Node n : nodes) {
            if (n == root) {
                continue;
            }
            List<String> path = new ArrayList<>();
            int guard = 0;
            for (Node k = n; k.parent != null; k = k.parent) {
                path.add(0, k.via);
                if (++guard > nodes.size()) {
                    throw UnsupportedSurrealQLException.relational("A join whose record links form a cycle");
                }
            }
            paths.put(n.qualifier, List.copyOf(path));
            if (n.inner) {
                // the link is set and its record exists (also an edge's in and out: RELATE does not need them to)
                filter = and(filter, exists(n));
            }
        }
        JoinPlan edgeRead = new JoinPlan(root.expr, paths, filter);
        return arrows && !left ? arrowPlan(root, nodes, edgeRead) : edgeRead;
    }

    /**
     * The plan along graph arrows of an inner join {@code s JOIN e ON e.in = s.id JOIN t ON e.out = t.id} (and links
     * from {@code s} and {@code t}), with {@code edgeRead} as its fallback; {@code edgeRead} itself when the join
     * is not of that shape.
     */
    private JoinPlan arrowPlan(Node root, List<Node> nodes, JoinPlan edgeRead) {
        Node start = null;
        Node end = null;
        for (Node n : nodes) {
            if (n.parent != root) {
                continue;
            }
            if (n.via.equals("in") && start == null) {
                start = n;
            } else if (n.via.equals("out") && end == null) {
                end = n;
            } else {
                return edgeRead; // another link of the edge record: only the edge read reaches it
            }
        }
        if (start == null || end == null || !isRelation(root.table)) {
            return edgeRead;
        }
        String alias = "_" + end.qualifier;
        Map<String, List<String>> paths = new LinkedHashMap<>();
        Condition filter = null;
        for (Node n : nodes) {
            if (n != root && n != start && n != end) {
                filter = and(filter, exists(n)); // all joins are inner
            }
        }
        for (Map.Entry<String, List<String>> e : edgeRead.paths().entrySet()) {
            List<String> path = new ArrayList<>(e.getValue());
            if (path.get(0).equals("in")) {
                path.remove(0); // the start record is the row itself
            } else {
                path.set(0, alias);
            }
            paths.put(e.getKey(), List.copyOf(path));
        }
        return new JoinPlan(new GraphArrows(start.table, root.table, end.table, alias), paths, filter,
                root.qualifier, edgeRead);
    }

    /** The condition that the record of {@code n} exists (its id is set). */
    private static Condition exists(Node n) {
        return DSL.field(DSL.name(n.qualifier, "id")).isNotNull();
    }

    private static Condition and(Condition a, Condition b) {
        return a == null ? b : a.and(b);
    }

    private boolean isRelation(String table) {
        try {
            String def = context.tableDefinition(table);
            return def != null && def.toUpperCase(Locale.ROOT).contains("TYPE RELATION");
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isEdgeEnd(String field) {
        return field.equals("in") || field.equals("out");
    }

    /** Walks the join tree: adds the leaf tables, then links each ON condition's two tables. */
    private void collect(Table<?> t, List<Node> nodes) {
        if (t instanceof QOM.JoinTable<?, ?> jt) {
            boolean inner;
            if (jt instanceof QOM.Join<?>) {
                inner = true;
            } else if (jt instanceof QOM.LeftJoin<?>) {
                inner = false;
                left = true;
            } else {
                throw UnsupportedSurrealQLException.relational(kind(jt)
                        + " (only INNER and LEFT joins along record links translate)");
            }
            collect(jt.$table1(), nodes);
            int before = nodes.size();
            collect(jt.$table2(), nodes);
            List<Node> right = nodes.subList(before, nodes.size());
            QOM.QualifiedJoin<?, ?> qj = (QOM.QualifiedJoin<?, ?>) jt;
            if (!qj.$using().isEmpty() || !(qj.$on() instanceof QOM.Eq<?> eq)) {
                throw UnsupportedSurrealQLException.relational("A JOIN whose ON condition is not one equality "
                        + "a.link = b.id");
            }
            link(eq, nodes, right, inner);
            return;
        }
        Table<?> base = t;
        String alias = null;
        if (t instanceof QOM.TableAlias<?> ta) {
            alias = ta.$alias().last();
            base = ta.$table();
        }
        if (!(base instanceof org.jooq.impl.TableImpl<?>)) {
            throw UnsupportedSurrealQLException.relational("A JOIN of a derived table or table expression");
        }
        String name = base.getName();
        String qualifier = alias != null ? alias : name;
        for (Node n : nodes) {
            if (n.qualifier.equals(qualifier)) {
                throw UnsupportedSurrealQLException.relational("A JOIN that uses " + qualifier + " twice (a self join)");
            }
        }
        nodes.add(new Node(t, name, qualifier));
    }

    private void link(QOM.Eq<?> eq, List<Node> nodes, List<Node> right, boolean inner) {
        Field<?> x = eq.$arg1();
        Field<?> y = eq.$arg2();
        if (!(x instanceof TableField<?, ?>) || !(y instanceof TableField<?, ?>)) {
            throw UnsupportedSurrealQLException.relational("A JOIN whose ON condition does not compare two columns");
        }
        Node nx = node(x, nodes);
        Node ny = node(y, nodes);
        String cx = x.getName();
        String cy = y.getName();
        Node from;
        Node to;
        String via;
        if (cy.equals("id") && !cx.equals("id")) {
            from = nx;
            to = ny;
            via = cx;
        } else if (cx.equals("id") && !cy.equals("id")) {
            from = ny;
            to = nx;
            via = cy;
        } else {
            throw UnsupportedSurrealQLException.relational("JOIN … ON " + x + " = " + y
                    + " (a join translates only along a record link: a.link = b.id)");
        }
        if (!isLink(from.table, via, to.table)) {
            throw UnsupportedSurrealQLException.relational("JOIN … ON " + from.qualifier + "." + via + " = "
                    + to.qualifier + ".id, where " + from.table + "." + via + " is not a record link to " + to.table
                    + " (DEFINE FIELD " + via + " ON " + from.table + " TYPE record<" + to.table + ">, or the in/out of a"
                    + " relation table),");
        }
        if (to.parent != null) {
            throw UnsupportedSurrealQLException.relational("A JOIN that reaches " + to.qualifier + " by two links");
        }
        if (!inner && !right.contains(to)) {
            throw UnsupportedSurrealQLException.relational("LEFT JOIN " + from.qualifier + " … ON " + from.qualifier
                    + "." + via + " = " + to.qualifier + ".id (the table holding the link must be on the left)");
        }
        to.parent = from;
        to.via = via;
        to.inner = inner;
    }

    private static Node node(Field<?> f, List<Node> nodes) {
        Name[] parts = f.getQualifiedName().parts();
        if (parts.length < 2) {
            throw UnsupportedSurrealQLException.relational("A JOIN condition with the unqualified column " + f.getName()
                    + " (qualify it: table.column)");
        }
        String q = parts[parts.length - 2].last();
        for (Node n : nodes) {
            if (n.qualifier.equals(q)) {
                return n;
            }
        }
        throw UnsupportedSurrealQLException.relational("A JOIN condition that names " + q
                + ", which is not a table of the join");
    }

    /** Whether {@code table.field} links to records of {@code target}. */
    private boolean isLink(String table, String field, String target) {
        try {
            String type = context.fieldTypes(table).get(field);
            if (type != null) {
                Matcher m = RECORD.matcher(type);
                while (m.find()) {
                    String targets = m.group(1);
                    if (targets == null || targets.isBlank()) {
                        return true; // any record
                    }
                    for (String t : targets.split("\\|")) {
                        if (unquote(t.strip()).equals(target)) {
                            return true;
                        }
                    }
                }
                return false;
            }
            if (isEdgeEnd(field)) {
                String def = context.tableDefinition(table);
                return def != null && def.toUpperCase(Locale.ROOT).contains("TYPE RELATION")
                        && endAccepts(def, field, target);
            }
            return false;
        } catch (SQLException e) {
            throw new UnsupportedSurrealQLException("The schema of " + table + " cannot be read to translate a JOIN: "
                    + e.getMessage());
        }
    }

    /** Whether the IN/OUT clause of a relation's definition admits {@code target} (no clause: any table). */
    private static boolean endAccepts(String def, String field, String target) {
        Matcher m = Pattern.compile("\\b" + (field.equals("in") ? "(?:IN|FROM)" : "(?:OUT|TO)")
                + "\\s+([\\w`⟨⟩]+(?:\\s*\\|\\s*[\\w`⟨⟩]+)*)", Pattern.CASE_INSENSITIVE).matcher(def);
        if (!m.find()) {
            return true;
        }
        for (String t : m.group(1).split("\\|")) {
            if (unquote(t.strip()).equals(target)) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '`' || s.charAt(0) == '⟨')) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String kind(QOM.JoinTable<?, ?> jt) {
        if (jt instanceof QOM.RightJoin<?>) {
            return "RIGHT JOIN";
        }
        if (jt instanceof QOM.FullJoin<?>) {
            return "FULL JOIN";
        }
        if (jt instanceof QOM.CrossJoin<?>) {
            return "CROSS JOIN";
        }
        if (jt instanceof QOM.NaturalJoin<?> || jt instanceof QOM.NaturalLeftJoin<?>
                || jt instanceof QOM.NaturalRightJoin<?> || jt instanceof QOM.NaturalFullJoin<?>) {
            return "NATURAL JOIN";
        }
        return jt.getClass().getSimpleName();
    }
}
