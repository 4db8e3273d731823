package dev.surrealj.jooq;

import dev.surrealj.value.None;
import dev.surrealj.value.SurrealQL;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.AggregateFunction;
import org.jooq.Asterisk;
import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.DatePart;
import org.jooq.EnumType;
import org.jooq.Field;
import org.jooq.FieldOrRow;
import org.jooq.FieldOrRowOrSelect;
import org.jooq.GroupField;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Name;
import org.jooq.Param;
import org.jooq.QualifiedAsterisk;
import org.jooq.QueryPart;
import org.jooq.Row;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.types.DayToSecond;
import org.jooq.types.UNumber;

/**
 * The SurrealQL renderer: one walk over jOOQ's query object model into a {@link StringBuilder}, collecting bind
 * values in text order. Not thread-safe; one instance per rendering.
 */
final class Renderer implements SurrealQLWriter {
    static final int POSITIONAL = 0;
    static final int NAMED = 1;
    static final int INLINE = 2;

    /** Where a SELECT is rendered. */
    private static final int TOP = 0;
    private static final int ROWS = 1;
    private static final int VALUES = 2;

    /** The enclosing operator of a condition, to decide on parentheses. */
    private static final int C_TOP = 0;
    private static final int C_AND = 1;
    private static final int C_OR = 2;
    private static final int C_OTHER = 3;

    final SurrealVersion version;
    final int style;
    final StringBuilder sb = new StringBuilder(160);

    private Object[] binds = new Object[8];
    private int[] bindStart = new int[8];
    private int[] bindEnd = new int[8];
    private int bindCount;

    /** The column labels of the top-level statement's rows, or null when unknown. */
    List<String> columns;

    /** The tables of the enclosing SELECTs (innermost first), to resolve qualified fields. */
    private Scope scope;
    /** Inside INSERT/UPDATE data: SQL NULL is written as NONE (the field is absent). */
    private boolean dataValue;
    /** During HAVING and ORDER BY over a derived table: expressions of the inner selection, written by label. */
    private List<Item> substitutions;
    /**
     * In 3.x ON DUPLICATE KEY UPDATE: the scope whose fields are written {@code @.field} (SurrealDB 3.0 reads a bare
     * field there as NONE, not as the stored record's value).
     */
    private Scope documentScope;
    /** SQL translation: turns joins along record links into paths; null rejects every join. */
    JoinPlanner joins;
    /** Whether the top-level SELECT returns columns beyond its visible ones (ORDER BY of unselected fields). */
    boolean hiddenColumns;
    /** Inside an arithmetic expression whose operands are already checked (no nested checks). */
    boolean inArithmetic;
    private int depth;

    Renderer(SurrealVersion version, int style) {
        this.version = version;
        this.style = style;
    }

    // ===================================================================================== results

    SurrealQLRenderer.Rendered result() {
        Object[] b = Arrays.copyOf(binds, bindCount);
        SurrealQLRenderer.Rendered r = new SurrealQLRenderer.Rendered(sb.toString(), b, Arrays.copyOf(bindStart, bindCount),
                Arrays.copyOf(bindEnd, bindCount), columns, style == NAMED);
        r.hiddenColumns = hiddenColumns;
        return r;
    }

    /** Renders a whole statement (or any query part). */
    void renderTop(QueryPart part) {
        if (part instanceof Select<?> s) {
            select(s, TOP, SelectOptions.NONE, null);
        } else if (part instanceof QOM.InsertReturning<?> ir) {
            insert(ir.$insert(), ir.$returning());
        } else if (part instanceof QOM.Insert<?> i) {
            insert(i, JooqInternals.returning(i));
        } else if (part instanceof QOM.UpdateReturning<?> ur) {
            update(ur.$update(), ur.$returning());
        } else if (part instanceof QOM.Update<?> u) {
            update(u, JooqInternals.returning(u));
        } else if (part instanceof QOM.DeleteReturning<?> dr) {
            delete(dr.$delete(), dr.$returning());
        } else if (part instanceof QOM.Delete<?> d) {
            delete(d, JooqInternals.returning(d));
        } else {
            visit(part);
        }
    }

    // ============================================================================ SurrealQLWriter

    @Override
    public SurrealVersion version() {
        return version;
    }

    @Override
    public Renderer sql(String text) {
        sb.append(text);
        return this;
    }

    @Override
    public Renderer sql(char c) {
        sb.append(c);
        return this;
    }

    @Override
    public Renderer ident(String name) {
        Idents.ident(sb, name);
        return this;
    }

    @Override
    public Renderer string(String s) {
        Idents.string(sb, s);
        return this;
    }

    /** While set, bound values are written as literals ({@link #visitInlined(QueryPart)}). */
    private boolean inlineBinds;

    @Override
    public Renderer visitInlined(QueryPart part) {
        boolean saved = inlineBinds;
        inlineBinds = true;
        try {
            if (part instanceof QOM.Insert<?> || part instanceof QOM.Update<?> || part instanceof QOM.Delete<?>
                    || part instanceof QOM.InsertReturning<?> || part instanceof QOM.UpdateReturning<?>
                    || part instanceof QOM.DeleteReturning<?>) {
                int d = depth;
                depth = 1;
                try {
                    renderTop(part);
                } finally {
                    depth = d;
                }
            } else if (part instanceof Select<?> s) {
                select(s);
            } else {
                visit(part);
            }
        } finally {
            inlineBinds = saved;
        }
        return this;
    }

    @Override
    public Renderer select(Select<?> select) {
        select(select, depth == 0 ? TOP : ROWS, SelectOptions.NONE, null);
        return this;
    }

    @Override
    public Renderer bind(Object value) {
        if (style == INLINE || inlineBinds) {
            return literal(value);
        }
        if (bindCount == binds.length) {
            int n = bindCount * 2;
            binds = Arrays.copyOf(binds, n);
            bindStart = Arrays.copyOf(bindStart, n);
            bindEnd = Arrays.copyOf(bindEnd, n);
        }
        bindStart[bindCount] = sb.length();
        if (style == NAMED) {
            sb.append("$p").append(bindCount + 1);
        } else {
            sb.append('?');
        }
        bindEnd[bindCount] = sb.length();
        binds[bindCount++] = value;
        return this;
    }

    @Override
    public Renderer literal(Object value) {
        if (value instanceof String s) {
            Idents.string(sb, s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            sb.append(value);
        } else {
            sb.append(SurrealQL.literal(value));
        }
        return this;
    }

    @Override
    public Renderer visit(QueryPart part) {
        if (part instanceof Condition c) {
            condition(c, C_TOP);
        } else if (part instanceof Field<?> f) {
            field(f);
        } else if (part instanceof Select<?> s) {
            sb.append('(');
            select(s, ROWS, SelectOptions.NONE, null);
            sb.append(')');
        } else if (part instanceof Table<?> t) {
            table(t);
        } else if (part instanceof SurrealRenderable r) {
            r.renderSurrealQL(this);
        } else if (part instanceof Name n) {
            Idents.ident(sb, n.last());
        } else if (part instanceof SortField<?> s) {
            field(s.$field());
            sortOrder(s);
        } else if (part == null) {
            sb.append("NULL");
        } else {
            throw UnsupportedSurrealQLException.of("The query part " + part.getClass().getSimpleName() + " (" + part + ")");
        }
        return this;
    }

    @Override
    public Renderer function(String name) {
        sb.append(Functions.name(name, version));
        return this;
    }

    // ===================================================================================== SELECT

    /** One column of a SELECT: an expression and the key it is returned under. */
    private static final class Item {
        final Field<?> field;
        final String label;
        final boolean hidden;
        /** 2.x: an expression over aggregates, computed in the outer SELECT from the inner one's aggregates. */
        boolean outer;

        Item(Field<?> field, String label, boolean hidden) {
            this.field = field;
            this.label = label;
            this.hidden = hidden;
        }
    }

    private static final class Scope {
        final Scope parent;
        final Table<?> table;
        final String name;
        final String alias;
        /** SQL translation: the joined tables reached by record links from {@link #table} (qualifier → path). */
        Map<String, List<String>> paths;
        /** SQL translation: the condition a join adds to WHERE (inner joins keep only linked rows). */
        Condition filter;
        /** SQL translation: the plan along graph arrows whose rows this scope reads, or null. */
        JoinPlan arrows;

        Scope(Scope parent, Table<?> table, String name, String alias) {
            this.parent = parent;
            this.table = table;
            this.name = name;
            this.alias = alias;
        }

        boolean matches(String qualifier) {
            return qualifier.equals(name) || qualifier.equals(alias);
        }
    }

    /**
     * Renders a SELECT.
     *
     * @param mode   TOP (records the column labels), ROWS (objects, e.g. a derived table) or VALUES (SELECT VALUE,
     *               only when {@link #valueForm(Select)} holds)
     * @param labels labels to use instead of the fields' names (INSERT … SELECT), or null
     */
    void select(Select<?> s, int mode, SelectOptions opts, List<String> labels) {
        checkSelect(s);
        List<? extends SelectFieldOrAsterisk> sel = s.$select();
        List<? extends Table<?>> from = s.$from();
        Table<?> fromTable = from.isEmpty() ? null : from.get(0);
        JoinPlan plan = null;
        if (fromTable instanceof QOM.JoinTable<?, ?> jt && joins != null) {
            plan = joins.plan(jt);
            if (plan.arrows()) {
                // graph arrows carry the joined tables but not the relation's own columns: a statement that reads
                // one (or an unqualified column, which may be one) is rendered again with the edge read
                int mark = sb.length();
                int bindMark = bindCount;
                List<String> savedColumns = columns;
                boolean savedHidden = hiddenColumns;
                boolean savedArithmetic = inArithmetic;
                try {
                    select(s, sel, plan, mode, opts, labels);
                    return;
                } catch (EdgeColumn e) {
                    if (e.plan != plan) {
                        throw e;
                    }
                    sb.setLength(mark);
                    bindCount = bindMark;
                    columns = savedColumns;
                    hiddenColumns = savedHidden;
                    inArithmetic = savedArithmetic;
                    plan = plan.edgeRead();
                }
            }
            select(s, sel, plan, mode, opts, labels);
            return;
        }
        Scope saved = scope;
        pushScope(fromTable);
        depth++;
        try {
            selectBody(s, sel, fromTable, mode, opts, labels);
        } finally {
            depth--;
            scope = saved;
        }
    }

    /** A SELECT over a planned join. */
    private void select(Select<?> s, List<? extends SelectFieldOrAsterisk> sel, JoinPlan plan, int mode,
            SelectOptions opts, List<String> labels) {
        Table<?> fromTable = plan.base();
        Scope saved = scope;
        pushScope(fromTable);
        scope.paths = plan.paths();
        scope.filter = plan.filter();
        scope.arrows = plan.arrows() ? plan : null;
        depth++;
        try {
            selectBody(s, sel, fromTable, mode, opts, labels);
        } finally {
            depth--;
            scope = saved;
        }
    }

    /**
     * Thrown while rendering a SELECT along graph arrows when it reads a column the arrows do not carry (one of the
     * relation table, or an unqualified one); that SELECT renders again with the plan's edge read.
     */
    private static final class EdgeColumn extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient JoinPlan plan;

        EdgeColumn(JoinPlan plan) {
            super(null, null, false, false);
            this.plan = plan;
        }
    }

    private void selectBody(Select<?> s, List<? extends SelectFieldOrAsterisk> sel, Table<?> fromTable, int mode,
            SelectOptions opts, List<String> forced) {
        ArrayList<Item> items = new ArrayList<>(sel.size() + 2);
        boolean star = sel.isEmpty();
        List<? extends Field<?>> except = List.of();
        boolean valueKeyword = opts.value();
        for (int i = 0, n = sel.size(); i < n; i++) {
            SelectFieldOrAsterisk sf = sel.get(i);
            if (sf instanceof Asterisk a) {
                star = true;
                except = a.$except();
            } else if (sf instanceof QualifiedAsterisk qa) {
                star = true;
                except = qa.$except();
            } else if (sf instanceof ValueField<?> vf) {
                valueKeyword = true;
                items.add(new Item(vf.field, labelOf(vf.field, items.size()), false));
            } else if (sf instanceof Field<?> f) {
                String label = forced != null && i < forced.size() ? forced.get(i) : labelOf(f, items.size());
                items.add(new Item(f, uniqueLabel(label, items), false));
            } else {
                throw UnsupportedSurrealQLException.of("The select item " + sf);
            }
        }
        if (star && scope != null && scope.paths != null) {
            throw new UnsupportedSurrealQLException("SELECT * over a join cannot be translated: name the columns"
                    + " (SELECT a.x, b.y …)");
        }
        if (valueKeyword && (star || items.size() != 1)) {
            throw new UnsupportedSurrealQLException("SELECT VALUE needs exactly one field");
        }
        int visible = items.size();

        boolean aggregates = false;
        for (int i = 0; i < visible && !aggregates; i++) {
            aggregates = isAggregate(items.get(i).field);
        }
        // SurrealDB 2.x does not compute an aggregate nested in an expression (count() * 2, math::fixed(math::mean(x),
        // 2)): the aggregates are selected in an inner SELECT, the expressions computed in an outer one
        boolean outerExpressions = false;
        if (aggregates && !version.isV3() && !valueKeyword) {
            for (int i = 0; i < visible; i++) {
                Item it = items.get(i);
                Field<?> f = it.field instanceof QOM.FieldAlias<?> fa ? fa.$field() : it.field;
                if (isAggregate(f) && !isPlainAggregate(f)) {
                    it.outer = true;
                    outerExpressions = true;
                }
            }
            if (outerExpressions) {
                List<Field<?>> calls = new ArrayList<>();
                for (int i = 0; i < visible; i++) {
                    if (items.get(i).outer) {
                        collectAggregateCalls(items.get(i).field, calls);
                    }
                }
                for (Field<?> a : calls) {
                    resolveLabel(a, items, false, "_a");
                }
            }
        }
        Condition having = s.$having();
        if (having != null && isEmpty(having)) {
            having = null;
        }
        List<? extends GroupField> groupBy = s.$groupBy();
        boolean distinct = s.$distinct();
        if (distinct && star) {
            throw new UnsupportedSurrealQLException("SELECT DISTINCT * cannot be rendered as SurrealQL: name the fields");
        }

        // ORDER BY and GROUP BY may only name idioms of the selection: resolve them to labels
        List<? extends SortField<?>> orderBy = s.$orderBy();
        String[] orderLabels = orderBy.isEmpty() ? null : new String[orderBy.size()];
        for (int i = 0; i < orderBy.size(); i++) {
            Field<?> of = orderBy.get(i).$field();
            int ordinal = joins != null && !star && of instanceof Param<?> op && op.$inline()
                    && (op.getValue() instanceof Integer || op.getValue() instanceof Long)
                    ? ((Number) op.getValue()).intValue() : 0;
            if (ordinal >= 1 && ordinal <= visible) {
                // SQL translation: ORDER BY 2 names the second column
                orderLabels[i] = items.get(ordinal - 1).label;
            } else {
                orderLabels[i] = resolveLabel(of, items, star && !valueKeyword, "_o");
            }
        }
        String[] groupLabels = null;
        if (!groupBy.isEmpty()) {
            groupLabels = new String[groupBy.size()];
            for (int i = 0; i < groupBy.size(); i++) {
                GroupField g = groupBy.get(i);
                if (!(g instanceof Field<?> gf)) {
                    throw UnsupportedSurrealQLException.relational("GROUP BY " + g.getClass().getSimpleName()
                            + " (grouping sets, ROLLUP, CUBE)");
                }
                groupLabels[i] = resolveLabel(gf, items, false, "_g");
            }
        } else if (distinct && !aggregates) {
            groupLabels = new String[visible];
            for (int i = 0; i < visible; i++) {
                groupLabels[i] = items.get(i).label;
            }
        }
        boolean groupAll = groupLabels == null && aggregates;
        List<Field<?>> havingAggregates = null;
        if (having != null) {
            if (groupLabels == null && !aggregates) {
                throw new UnsupportedSurrealQLException("HAVING without GROUP BY or aggregates cannot be rendered as SurrealQL");
            }
            havingAggregates = new ArrayList<>();
            collectAggregates(having, havingAggregates);
            for (Field<?> a : havingAggregates) {
                resolveLabel(a, items, false, "_h");
            }
        }
        if (valueKeyword && items.size() > visible) {
            throw new UnsupportedSurrealQLException(
                    "SELECT VALUE with ORDER BY or GROUP BY on other fields cannot be rendered as SurrealQL");
        }
        if (depth == 1 && mode == TOP) {
            // SELECT VALUE rows are values and EXPLAIN rows are plans: read them as the driver presents them
            columns = valueKeyword || opts.explain() != 0 ? null : topColumns(items, visible, star, except, fromTable);
        }

        boolean grouped = groupLabels != null || groupAll;
        boolean wrap = having != null || outerExpressions || !version.isV3() && grouped
                && (!orderBy.isEmpty() || s.$limit() != null || s.$offset() != null);
        if (wrap) {
            // SurrealQL has no HAVING: filter the grouped rows in an outer SELECT. SurrealDB 2.x ignores ORDER BY
            // (and applies LIMIT before grouping) in a grouped SELECT: order and limit in an outer SELECT.
            List<Item> inner = items;
            if (outerExpressions) {
                inner = new ArrayList<>(items.size());
                for (Item it : items) {
                    if (!it.outer) {
                        inner.add(it);
                    }
                }
            }
            sb.append("SELECT ");
            int outer = 0;
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (it.outer) {
                    if (outer++ > 0) {
                        sb.append(", ");
                    }
                    List<Item> savedSubst = substitutions;
                    substitutions = inner;
                    try {
                        field(it.field instanceof QOM.FieldAlias<?> fa ? fa.$field() : it.field);
                    } finally {
                        substitutions = savedSubst;
                    }
                    sb.append(" AS ");
                    Idents.ident(sb, it.label);
                } else if (!it.hidden || it.label.startsWith("_o") || isOrderLabel(it.label, orderLabels)) {
                    if (outer++ > 0) {
                        sb.append(", ");
                    }
                    Idents.ident(sb, it.label);
                }
            }
            if (depth == 1 && mode == TOP) {
                for (Item it : items) {
                    if (it.hidden && (it.label.startsWith("_o") || isOrderLabel(it.label, orderLabels))) {
                        hiddenColumns = true;
                    }
                }
            }
            sb.append(" FROM (");
            selectCore(s, items, visible, false, except, fromTable, opts, groupLabels, groupAll, false);
            sb.append(')');
            if (having != null) {
                sb.append(" WHERE ");
                List<Item> savedSubst = substitutions;
                substitutions = inner;
                try {
                    condition(having, C_TOP);
                } finally {
                    substitutions = savedSubst;
                }
            }
            orderLimit(s, orderBy, orderLabels);
            tail(opts);
            return;
        }
        if (depth == 1 && mode == TOP && items.size() > visible) {
            hiddenColumns = true;
        }
        if (scope != null && scope.paths != null && (!orderBy.isEmpty() || s.$limit() != null || s.$offset() != null)) {
            // SQL translation of a join: SurrealDB does not order by an alias of a path through a record link
            // (in.name AS name … ORDER BY name): order the computed rows in an outer SELECT
            sb.append("SELECT ");
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                Idents.ident(sb, items.get(i).label);
            }
            sb.append(" FROM (");
            selectCore(s, items, visible, star, except, fromTable, opts, groupLabels, groupAll, false);
            sb.append(')');
            orderLimit(s, orderBy, orderLabels);
            tail(opts);
            return;
        }
        selectCore(s, items, visible, star, except, fromTable, opts, groupLabels, groupAll, valueKeyword || mode == VALUES);
        orderLimit(s, orderBy, orderLabels);
        tail(opts);
    }

    private static boolean isOrderLabel(String label, String[] orderLabels) {
        if (orderLabels != null) {
            for (String o : orderLabels) {
                if (label.equals(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> topColumns(List<Item> items, int visible, boolean star, List<? extends Field<?>> except,
            Table<?> fromTable) {
        if (star) {
            if (fromTable == null) {
                return null;
            }
            Field<?>[] tf = fromTable.fields();
            if (tf.length == 0) {
                return null;
            }
            List<String> out = new ArrayList<>(tf.length + visible);
            for (Field<?> f : tf) {
                if (!excepted(f, except)) {
                    out.add(f.getName());
                }
            }
            for (int i = 0; i < visible; i++) {
                out.add(items.get(i).label);
            }
            return out;
        }
        List<String> out = new ArrayList<>(visible);
        for (int i = 0; i < visible; i++) {
            out.add(items.get(i).label);
        }
        return out;
    }

    private static boolean excepted(Field<?> f, List<? extends Field<?>> except) {
        for (Field<?> e : except) {
            if (e.getName().equals(f.getName())) {
                return true;
            }
        }
        return false;
    }

    private void selectCore(Select<?> s, List<Item> items, int visible, boolean star, List<? extends Field<?>> except,
            Table<?> fromTable, SelectOptions opts, String[] groupLabels, boolean groupAll, boolean valueKeyword) {
        sb.append("SELECT ");
        if (valueKeyword) {
            sb.append("VALUE ");
            field(items.get(0).field);
        } else {
            int n = 0;
            if (star) {
                sb.append('*');
                n++;
            }
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).outer) {
                    continue;
                }
                if (n++ > 0) {
                    sb.append(", ");
                }
                selectItem(items.get(i));
            }
            if (star && !except.isEmpty()) {
                sb.append(" OMIT ");
                for (int i = 0; i < except.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    columnPath(except.get(i));
                }
            }
        }
        sb.append(" FROM ");
        if (opts.only()) {
            sb.append("ONLY ");
        }
        if (fromTable == null) {
            sb.append("[{}]");
        } else {
            table(fromTable);
        }
        if (opts.noIndex()) {
            sb.append(" WITH NOINDEX");
        } else if (!opts.withIndex().isEmpty()) {
            sb.append(" WITH INDEX ");
            for (int i = 0; i < opts.withIndex().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                Idents.ident(sb, opts.withIndex().get(i));
            }
        }
        Condition where = s.$where();
        if (where != null && isEmpty(where)) {
            where = null;
        }
        if (scope != null && scope.filter != null) {
            where = where == null ? scope.filter : DSL.and(where, scope.filter);
        }
        if (where != null) {
            sb.append(" WHERE ");
            condition(where, C_TOP);
        }
        if (!opts.split().isEmpty()) {
            sb.append(" SPLIT ");
            fieldList(opts.split());
        }
        if (groupLabels != null) {
            sb.append(" GROUP BY ");
            for (int i = 0; i < groupLabels.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                Idents.ident(sb, groupLabels[i]);
            }
        } else if (groupAll) {
            sb.append(" GROUP ALL");
        }
    }

    private void selectItem(Item it) {
        Field<?> f = it.field;
        if (f instanceof QOM.FieldAlias<?> fa) {
            f = fa.$field();
        }
        int start = sb.length();
        field(f);
        if (!regionEquals(start, it.label)) {
            sb.append(" AS ");
            Idents.ident(sb, it.label);
        }
    }

    /** Whether the text written since {@code start} is the identifier {@code label} (then no {@code AS} is needed). */
    private boolean regionEquals(int start, String label) {
        String ident = label;
        if (!Idents.isBare(label)) {
            StringBuilder q = new StringBuilder(label.length() + 2);
            Idents.ident(q, label);
            ident = q.toString();
        }
        int len = sb.length() - start;
        if (len != ident.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (sb.charAt(start + i) != ident.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void orderLimit(Select<?> s, List<? extends SortField<?>> orderBy, String[] orderLabels) {
        if (!orderBy.isEmpty()) {
            sb.append(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                SortField<?> sf = orderBy.get(i);
                if (orderLabels[i] != null) {
                    Idents.ident(sb, orderLabels[i]);
                } else {
                    field(sf.$field());
                }
                sortOrder(sf);
            }
        }
        if (s.$limitPercent() || s.$limitWithTies()) {
            throw UnsupportedSurrealQLException.of("LIMIT … PERCENT / WITH TIES");
        }
        Field<?> limit = s.$limit();
        if (limit != null) {
            sb.append(" LIMIT ");
            number(limit);
        }
        Field<?> offset = s.$offset();
        if (offset != null) {
            sb.append(" START ");
            number(offset);
        }
    }

    private void sortOrder(SortField<?> sf) {
        if (sf.$nullOrdering() != null) {
            throw new UnsupportedSurrealQLException("NULLS FIRST / NULLS LAST cannot be rendered as SurrealQL"
                    + " (SurrealDB orders NONE and NULL before other values)");
        }
        if (sf.$sortOrder() == SortOrder.DESC) {
            sb.append(" DESC");
        } else if (sf.$sortOrder() == SortOrder.ASC) {
            sb.append(" ASC");
        }
    }

    private void number(Field<?> f) {
        if (f instanceof Param<?> p && !p.$inline() && p.getValue() instanceof Number num) {
            bind(num.longValue());
        } else {
            field(f);
        }
    }

    private void tail(SelectOptions opts) {
        if (!opts.fetch().isEmpty()) {
            sb.append(" FETCH ");
            fieldList(opts.fetch());
        }
        if (opts.timeout() != null) {
            sb.append(" TIMEOUT ");
            duration(opts.timeout());
        }
        if (opts.parallel()) {
            if (version.isV3()) {
                throw new UnsupportedSurrealQLException("PARALLEL is not part of SurrealQL 3.x");
            }
            sb.append(" PARALLEL");
        }
        if (opts.explain() == SelectOptions.EXPLAIN) {
            sb.append(" EXPLAIN");
        } else if (opts.explain() == SelectOptions.EXPLAIN_FULL) {
            sb.append(" EXPLAIN FULL");
        }
    }

    void duration(Duration d) {
        sb.append(dev.surrealj.value.Durations.format(d));
    }

    private void fieldList(List<Field<?>> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Field<?> f = fields.get(i);
            if (f instanceof QOM.FieldAlias<?> fa) {
                Idents.ident(sb, fa.$alias().last());
            } else {
                field(f);
            }
        }
    }

    private void checkSelect(Select<?> s) {
        if (s.$with() != null) {
            throw UnsupportedSurrealQLException.relational("WITH (a common table expression)");
        }
        List<? extends Table<?>> from = s.$from();
        if (from.size() > 1) {
            throw UnsupportedSurrealQLException.relational("Selecting FROM several tables (an implicit join)");
        }
        if (!s.$window().isEmpty() || s.$qualify() != null) {
            throw UnsupportedSurrealQLException.relational("A WINDOW / QUALIFY clause");
        }
        if (!s.$distinctOn().isEmpty()) {
            throw UnsupportedSurrealQLException.relational("DISTINCT ON");
        }
        if (s.$intoTable() != null) {
            throw UnsupportedSurrealQLException.of("SELECT … INTO");
        }
        if (s.$groupByDistinct()) {
            throw UnsupportedSurrealQLException.of("GROUP BY DISTINCT");
        }
        String hidden = JooqInternals.hiddenClause(s);
        if (hidden != null) {
            throw UnsupportedSurrealQLException.relational(hidden);
        }
    }

    private void pushScope(Table<?> t) {
        if (t == null) {
            scope = new Scope(scope, null, null, null);
            return;
        }
        Table<?> base = t;
        String alias = null;
        if (t instanceof QOM.TableAlias<?> ta) {
            alias = ta.$alias().last();
            base = ta.$table();
        }
        if (base instanceof OnlyTable o) {
            base = o.table;
        }
        scope = new Scope(scope, base, base.getName(), alias);
    }

    private String labelOf(Field<?> f, int index) {
        String name;
        if (f instanceof QOM.FieldAlias<?> fa) {
            name = fa.$alias().last();
        } else {
            name = f.getName();
        }
        return name == null || name.isEmpty() ? "_c" + (index + 1) : name;
    }

    private static String uniqueLabel(String label, List<Item> items) {
        String l = label;
        int k = 1;
        while (hasLabel(items, l)) {
            l = label + "_" + (++k);
        }
        return l;
    }

    private static boolean hasLabel(List<Item> items, String label) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).label.equals(label)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The label of the selection item equal to {@code f}; when there is none, a hidden item is added (SurrealQL
     * only orders and groups by idioms of the selection). Returns null when {@code f} can be written directly
     * (a plain field under {@code SELECT *}).
     */
    private String resolveLabel(Field<?> f, List<Item> items, boolean star, String prefix) {
        if (f instanceof QOM.FieldAlias<?> fa) {
            String a = fa.$alias().last();
            if (hasLabel(items, a)) {
                return a;
            }
            f = fa.$field();
        }
        for (int i = 0; i < items.size(); i++) {
            if (same(items.get(i).field, f)) {
                return items.get(i).label;
            }
        }
        if (f instanceof TableField<?, ?> && f.getQualifiedName().parts().length == 1 && hasLabel(items, f.getName())) {
            // SQL lets ORDER BY name an output column by its alias
            return f.getName();
        }
        if (star && f instanceof TableField<?, ?>) {
            return null;
        }
        String label = f instanceof TableField<?, ?> ? f.getName() : prefix + (items.size() + 1);
        label = uniqueLabel(label, items);
        items.add(new Item(f, label, true));
        return label;
    }

    /**
     * {@link #sameExpression(Field, Field)}; in SQL translation also {@code "public"."book"."genre"} and
     * {@code book.genre} (a schema-qualified column is its table's column, not a nested path).
     */
    private boolean same(Field<?> item, Field<?> f) {
        if (joins != null) {
            Field<?> inner = item instanceof QOM.FieldAlias<?> fa ? fa.$field() : item;
            if (inner instanceof TableField<?, ?> a && f instanceof TableField<?, ?> b
                    && a.getName().equals(b.getName())) {
                Name[] pa = a.getQualifiedName().parts();
                Name[] pb = b.getQualifiedName().parts();
                return pa.length < 2 || pb.length < 2
                        || pa[pa.length - 2].last().equals(pb[pb.length - 2].last());
            }
        }
        return sameExpression(item, f);
    }

    private static boolean sameExpression(Field<?> item, Field<?> f) {
        if (item == f) {
            return true;
        }
        Field<?> inner = item instanceof QOM.FieldAlias<?> fa ? fa.$field() : item;
        if (inner == f) {
            return true;
        }
        if (inner instanceof TableField<?, ?> a && f instanceof TableField<?, ?> b) {
            return a.getName().equals(b.getName()) && a.getQualifiedName().parts().length <= 2
                    && b.getQualifiedName().parts().length <= 2;
        }
        if (inner instanceof TableField<?, ?> || f instanceof TableField<?, ?> || f instanceof Param<?>) {
            return false;
        }
        return inner.equals(f);
    }

    private static boolean isAggregate(Field<?> f) {
        if (f instanceof AggregateFunction<?>) {
            return true;
        }
        if (f instanceof QOM.FieldAlias<?> fa) {
            return isAggregate(fa.$field());
        }
        if (f instanceof FunctionField<?> ff) {
            if (ff.aggregate) {
                return true;
            }
            for (Field<?> a : ff.args) {
                if (isAggregate(a)) {
                    return true;
                }
            }
            return false;
        }
        if (f instanceof QOM.Add<?> x) {
            return isAggregate(x.$arg1()) || isAggregate(x.$arg2());
        }
        if (f instanceof QOM.Sub<?> x) {
            return isAggregate(x.$arg1()) || isAggregate(x.$arg2());
        }
        if (f instanceof QOM.Mul<?> x) {
            return isAggregate(x.$arg1()) || isAggregate(x.$arg2());
        }
        if (f instanceof QOM.Div<?> x) {
            return isAggregate(x.$arg1()) || isAggregate(x.$arg2());
        }
        if (f instanceof QOM.Round<?> x) {
            return isAggregate(x.$value());
        }
        if (f instanceof QOM.Cast<?> x) {
            return isAggregate(x.$field());
        }
        if (f instanceof QOM.Coerce<?> x) {
            return isAggregate(x.$field());
        }
        if (f instanceof QOM.Coalesce<?> x) {
            for (Field<?> a : x.$arg1()) {
                if (isAggregate(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An aggregate call itself (not an expression containing one). */
    private static boolean isPlainAggregate(Field<?> f) {
        return f instanceof AggregateFunction<?> || f instanceof FunctionField<?> ff && ff.aggregate;
    }

    /** Collects the aggregate calls of an expression (the shapes {@link #isAggregate(Field)} looks into). */
    private static void collectAggregateCalls(Field<?> f, List<Field<?>> out) {
        if (f instanceof QOM.FieldAlias<?> fa) {
            collectAggregateCalls(fa.$field(), out);
        } else if (isPlainAggregate(f)) {
            out.add(f);
        } else if (f instanceof FunctionField<?> ff) {
            for (Field<?> a : ff.args) {
                collectAggregateCalls(a, out);
            }
        } else if (f instanceof QOM.Add<?> x) {
            collectAggregateCalls(x.$arg1(), out);
            collectAggregateCalls(x.$arg2(), out);
        } else if (f instanceof QOM.Sub<?> x) {
            collectAggregateCalls(x.$arg1(), out);
            collectAggregateCalls(x.$arg2(), out);
        } else if (f instanceof QOM.Mul<?> x) {
            collectAggregateCalls(x.$arg1(), out);
            collectAggregateCalls(x.$arg2(), out);
        } else if (f instanceof QOM.Div<?> x) {
            collectAggregateCalls(x.$arg1(), out);
            collectAggregateCalls(x.$arg2(), out);
        } else if (f instanceof QOM.Round<?> x) {
            collectAggregateCalls(x.$value(), out);
        } else if (f instanceof QOM.Cast<?> x) {
            collectAggregateCalls(x.$field(), out);
        } else if (f instanceof QOM.Coerce<?> x) {
            collectAggregateCalls(x.$field(), out);
        } else if (f instanceof QOM.Coalesce<?> x) {
            for (Field<?> a : x.$arg1()) {
                collectAggregateCalls(a, out);
            }
        }
    }

    /** Collects the aggregate function calls of a HAVING condition. */
    private static void collectAggregates(QueryPart p, List<Field<?>> out) {
        if (p instanceof AggregateFunction<?> a) {
            out.add(a);
        } else if (p instanceof QOM.CompareCondition<?, ?> c) {
            collectAggregates(c.$arg1(), out);
            collectAggregates(c.$arg2(), out);
        } else if (p instanceof QOM.And a) {
            collectAggregates(a.$arg1(), out);
            collectAggregates(a.$arg2(), out);
        } else if (p instanceof QOM.Or o) {
            collectAggregates(o.$arg1(), out);
            collectAggregates(o.$arg2(), out);
        } else if (p instanceof QOM.Not n) {
            collectAggregates(n.$arg1(), out);
        } else if (p instanceof QOM.Between<?> b) {
            collectAggregates(b.$arg1(), out);
            collectAggregates(b.$arg2(), out);
            collectAggregates(b.$arg3(), out);
        } else if (p instanceof QOM.InList<?> in) {
            collectAggregates(in.$arg1(), out);
        } else if (p instanceof QOM.NotInList<?> in) {
            collectAggregates(in.$arg1(), out);
        } else if (p instanceof QOM.IsNull n) {
            collectAggregates(n.$arg1(), out);
        } else if (p instanceof QOM.IsNotNull n) {
            collectAggregates(n.$arg1(), out);
        } else if (p instanceof QOM.Add<?> x) {
            collectAggregates(x.$arg1(), out);
            collectAggregates(x.$arg2(), out);
        } else if (p instanceof QOM.Sub<?> x) {
            collectAggregates(x.$arg1(), out);
            collectAggregates(x.$arg2(), out);
        } else if (p instanceof QOM.Mul<?> x) {
            collectAggregates(x.$arg1(), out);
            collectAggregates(x.$arg2(), out);
        } else if (p instanceof QOM.Div<?> x) {
            collectAggregates(x.$arg1(), out);
            collectAggregates(x.$arg2(), out);
        }
    }

    /**
     * Whether a subquery used as a list or a scalar can be written {@code SELECT VALUE expr}: one field, no
     * grouping, no aggregates, ordered by that field at most.
     */
    private static boolean valueForm(Select<?> s) {
        List<? extends SelectFieldOrAsterisk> sel = s.$select();
        if (sel.size() != 1 || !(sel.get(0) instanceof Field<?> f) || s.$distinct() || !s.$groupBy().isEmpty()
                || s.$having() != null || isAggregate(f)) {
            return false;
        }
        for (SortField<?> o : s.$orderBy()) {
            if (!sameExpression(f, o.$field())) {
                return false;
            }
        }
        return true;
    }

    /** A subquery whose first column is used: as a list ({@code IN}) or a single value. */
    private void subqueryValues(Select<?> s, boolean scalar) {
        if (s.$select().size() != 1) {
            throw new UnsupportedSurrealQLException("A subquery used as a value must select exactly one field");
        }
        if (valueForm(s)) {
            sb.append('(');
            select(s, VALUES, SelectOptions.NONE, null);
            sb.append(')');
            if (scalar) {
                sb.append("[0]");
            }
        } else {
            Field<?> f = (Field<?>) s.$select().get(0);
            String label = labelOf(f, 0);
            // 2.x returns no row for GROUP ALL over no records: COUNT(…) of nothing is 0
            boolean zero = scalar && !version.isV3() && s.$groupBy().isEmpty()
                    && (f instanceof QOM.FieldAlias<?> fa ? fa.$field() : f) instanceof QOM.Count;
            if (zero) {
                sb.append('(');
            }
            sb.append('(');
            select(s, ROWS, SelectOptions.NONE, null);
            sb.append(')');
            if (scalar) {
                sb.append("[0]");
            }
            sb.append('.');
            Idents.ident(sb, label);
            if (zero) {
                sb.append(" ?? 0)");
            }
        }
    }

    // ===================================================================================== tables

    void table(Table<?> t) {
        if (t instanceof SurrealRenderable r) {
            r.renderSurrealQL(this);
        } else if (t instanceof QOM.TableAlias<?> ta) {
            table(ta.$table());
        } else if (t instanceof QOM.DerivedTable<?> dt) {
            sb.append('(');
            select(dt.$arg1(), ROWS, SelectOptions.NONE, null);
            sb.append(')');
        } else if (t instanceof QOM.JoinTable<?, ?>) {
            throw UnsupportedSurrealQLException.relational("JOIN");
        } else if (t instanceof QOM.Values<?>) {
            throw UnsupportedSurrealQLException.relational("A VALUES table");
        } else if (isPlainSql(t)) {
            plainSql(t);
        } else if (t instanceof org.jooq.impl.TableImpl<?>) {
            Idents.ident(sb, t.getName());
        } else {
            throw UnsupportedSurrealQLException.relational("The table expression " + t.getClass().getSimpleName()
                    + " (" + t + ")");
        }
    }

    // ===================================================================================== DML

    private void insert(QOM.Insert<?> i, List<? extends SelectFieldOrAsterisk> returning) {
        if (i.$with() != null) {
            throw UnsupportedSurrealQLException.relational("WITH (a common table expression)");
        }
        if (i.$onConflictWhere() != null && !isEmpty(i.$onConflictWhere())
                || i.$updateWhere() != null && !isEmpty(i.$updateWhere())) {
            throw UnsupportedSurrealQLException.of("INSERT … ON CONFLICT … WHERE");
        }
        Table<?> table = i.$into();
        pushScope(table);
        try {
            sb.append(i.$onDuplicateKeyIgnore() ? "INSERT IGNORE INTO " : "INSERT INTO ");
            table(table);
            sb.append(' ');
            List<? extends Field<?>> columns = i.$columns();
            Select<?> source = i.$select();
            if (source != null) {
                List<String> labels = new ArrayList<>(columns.size());
                for (Field<?> c : columns) {
                    labels.add(c.getName());
                }
                sb.append('(');
                select(source, ROWS, SelectOptions.NONE, labels.isEmpty() ? null : labels);
                sb.append(')');
            } else if (i.$defaultValues()) {
                sb.append("{}");
            } else {
                List<? extends Row> rows = i.$values();
                if (rows.isEmpty()) {
                    throw new UnsupportedSurrealQLException("INSERT without values");
                }
                if (rows.size() > 1) {
                    sb.append('[');
                }
                for (int r = 0; r < rows.size(); r++) {
                    if (r > 0) {
                        sb.append(", ");
                    }
                    object(columns, rows.get(r).$fields());
                }
                if (rows.size() > 1) {
                    sb.append(']');
                }
            }
            Map<? extends FieldOrRow, ? extends FieldOrRowOrSelect> updates = i.$updateSet();
            if (i.$onDuplicateKeyUpdate() || (updates != null && !updates.isEmpty())) {
                sb.append(" ON DUPLICATE KEY UPDATE ");
                Scope savedDoc = documentScope;
                documentScope = version.isV3() ? scope : null;
                try {
                    assignments(updates);
                } finally {
                    documentScope = savedDoc;
                }
            }
            returning(returning, false);
        } finally {
            scope = scope.parent;
        }
    }

    private void object(List<? extends Field<?>> columns, List<? extends Field<?>> values) {
        if (columns.size() != values.size()) {
            throw new UnsupportedSurrealQLException("INSERT with " + columns.size() + " columns but " + values.size()
                    + " values");
        }
        sb.append('{');
        int n = 0;
        boolean saved = dataValue;
        dataValue = true;
        try {
            for (int c = 0; c < columns.size(); c++) {
                Field<?> v = values.get(c);
                if (v instanceof QOM.Default<?>) {
                    continue;
                }
                if (n++ > 0) {
                    sb.append(", ");
                }
                Idents.key(sb, columns.get(c).getName());
                sb.append(": ");
                field(v);
            }
        } finally {
            dataValue = saved;
        }
        sb.append('}');
    }

    private void assignments(Map<? extends FieldOrRow, ? extends FieldOrRowOrSelect> set) {
        int n = 0;
        boolean saved = dataValue;
        dataValue = true;
        try {
            for (Map.Entry<? extends FieldOrRow, ? extends FieldOrRowOrSelect> e : set.entrySet()) {
                if (!(e.getKey() instanceof Field<?> k)) {
                    throw UnsupportedSurrealQLException.of("Assigning a row value (a, b) = (…)");
                }
                if (n++ > 0) {
                    sb.append(", ");
                }
                columnPath(k);
                sb.append(" = ");
                FieldOrRowOrSelect v = e.getValue();
                if (v instanceof Field<?> vf) {
                    field(vf);
                } else if (v instanceof Select<?> vs) {
                    subqueryValues(vs, true);
                } else {
                    throw UnsupportedSurrealQLException.of("Assigning a row value");
                }
            }
        } finally {
            dataValue = saved;
        }
    }

    private void update(QOM.Update<?> u, List<? extends SelectFieldOrAsterisk> returning) {
        if (u.$with() != null) {
            throw UnsupportedSurrealQLException.relational("WITH (a common table expression)");
        }
        if (!u.$from().isEmpty()) {
            throw UnsupportedSurrealQLException.relational("UPDATE … FROM (a join)");
        }
        if (!u.$orderBy().isEmpty() || u.$limit() != null) {
            throw UnsupportedSurrealQLException.of("UPDATE … ORDER BY / LIMIT");
        }
        Table<?> table = u.$table();
        pushScope(table);
        try {
            sb.append("UPDATE ");
            Condition where = u.$where();
            boolean hasWhere = where != null && !isEmpty(where);
            if (hasWhere && version.isV3() && hasExpressionValue(u.$set().values())) {
                // SurrealDB 3.0 evaluates SET expressions on records the WHERE clause rejects (an error for
                // age + 1 on a record without age): update the matching ids only
                sb.append("(SELECT VALUE id FROM ");
                table(table);
                sb.append(" WHERE ");
                condition(where, C_TOP);
                sb.append(')');
                hasWhere = false;
            } else {
                table(table);
            }
            sb.append(" SET ");
            assignments(u.$set());
            if (hasWhere) {
                sb.append(" WHERE ");
                condition(where, C_TOP);
            }
            returning(returning, false);
        } finally {
            scope = scope.parent;
        }
    }

    /** Whether an assignment computes its value (anything but a bound or inline value). */
    static boolean hasExpressionValue(java.util.Collection<?> values) {
        for (Object v : values) {
            if (!(v instanceof Param<?>)) {
                return true;
            }
        }
        return false;
    }

    private void delete(QOM.Delete<?> d, List<? extends SelectFieldOrAsterisk> returning) {
        if (d.$with() != null) {
            throw UnsupportedSurrealQLException.relational("WITH (a common table expression)");
        }
        if (!d.$using().isEmpty()) {
            throw UnsupportedSurrealQLException.relational("DELETE … USING (a join)");
        }
        if (!d.$orderBy().isEmpty() || d.$limit() != null) {
            throw UnsupportedSurrealQLException.of("DELETE … ORDER BY / LIMIT");
        }
        Table<?> table = d.$from();
        pushScope(table);
        try {
            sb.append("DELETE ");
            table(table);
            Condition where = d.$where();
            if (where != null && !isEmpty(where)) {
                sb.append(" WHERE ");
                condition(where, C_TOP);
            }
            returning(returning, true);
        } finally {
            scope = scope.parent;
        }
    }

    /**
     * The RETURN clause. Without RETURNING, DML returns the records' ids only (the JDBC update count is the number
     * of records returned); a DELETE returns the deleted records' fields from {@code $before}.
     */
    void returning(List<? extends SelectFieldOrAsterisk> returning, boolean before) {
        boolean top = depth == 0;
        if (returning == null) {
            sb.append(" RETURN ");
            sb.append(before ? "$before.id AS id" : "id");
            return;
        }
        if (returning.isEmpty()) {
            sb.append(before ? " RETURN BEFORE" : " RETURN AFTER");
            return;
        }
        List<String> labels = new ArrayList<>(returning.size());
        sb.append(" RETURN ");
        for (int i = 0; i < returning.size(); i++) {
            SelectFieldOrAsterisk r = returning.get(i);
            if (r instanceof Asterisk || r instanceof QualifiedAsterisk) {
                if (returning.size() == 1) {
                    sb.append(before ? "BEFORE" : "AFTER");
                    labels = null;
                    Table<?> t = scope == null ? null : scope.table;
                    if (t != null && t.fields().length > 0) {
                        labels = new ArrayList<>();
                        for (Field<?> tf : t.fields()) {
                            labels.add(tf.getName());
                        }
                    }
                    break;
                }
                throw new UnsupportedSurrealQLException("RETURNING * with other fields cannot be rendered as SurrealQL");
            }
            Field<?> f = (Field<?>) r;
            String label = uniqueLabelIn(labelOf(f, i), labels);
            labels.add(label);
            if (i > 0) {
                sb.append(", ");
            }
            Field<?> e = f instanceof QOM.FieldAlias<?> fa ? fa.$field() : f;
            if (before) {
                sb.append("$before.");
                columnPath(e);
                sb.append(" AS ");
                Idents.ident(sb, label);
            } else {
                int start = sb.length();
                field(e);
                if (!regionEquals(start, label)) {
                    sb.append(" AS ");
                    Idents.ident(sb, label);
                }
            }
        }
        if (top) {
            columns = labels;
        }
    }

    private static String uniqueLabelIn(String label, List<String> labels) {
        String l = label;
        int k = 1;
        while (labels.contains(l)) {
            l = label + "_" + (++k);
        }
        return l;
    }

    // ===================================================================================== fields

    void field(Field<?> f) {
        if (substitutions != null && substitute(f)) {
            return;
        }
        if (f instanceof TableField<?, ?> tf) {
            tableField(tf);
        } else if (f instanceof Param<?> p) {
            param(p);
        } else if (f instanceof SurrealRenderable r) {
            r.renderSurrealQL(this);
        } else if (f instanceof QOM.FieldAlias<?> fa) {
            field(fa.$field());
        } else if (f instanceof Condition c) {
            // jOOQ conditions are boolean fields
            condition(c, C_OTHER);
        } else if (!Functions.field(this, f)) {
            if (isPlainSql(f)) {
                plainSql(f);
            } else {
                throw UnsupportedSurrealQLException.of("The expression " + f.getClass().getSimpleName() + " (" + f + ")");
            }
        }
    }

    private boolean substitute(Field<?> f) {
        if (f instanceof TableField<?, ?> || f instanceof Param<?>) {
            for (Item it : substitutions) {
                if (it.field == f || (f instanceof TableField<?, ?> && same(it.field, f))) {
                    Idents.ident(sb, it.label);
                    return true;
                }
            }
            return false;
        }
        for (Item it : substitutions) {
            if (same(it.field, f)) {
                Idents.ident(sb, it.label);
                return true;
            }
        }
        return false;
    }

    /** A column reference: {@code name}, a nested path {@code address.city}, or {@code $parent.name}. */
    private void tableField(TableField<?, ?> f) {
        Name qn = f.getQualifiedName();
        Name[] parts = qn.parts();
        int n = parts.length;
        if (n <= 1) {
            if (scope != null && scope.arrows != null) {
                throw new EdgeColumn(scope.arrows);
            }
            currentDocument(scope);
            Idents.ident(sb, f.getName());
            return;
        }
        String qualifier = parts[n - 2].last();
        int level = 0;
        for (Scope s = scope; s != null; s = s.parent, level++) {
            List<String> path = s.paths == null ? null : s.paths.get(qualifier);
            if (s.arrows != null && (qualifier.equals(s.arrows.edge()) || path != null && path.isEmpty()
                    && f.getName().equals(((GraphArrows) s.arrows.base()).alias))) {
                // a column of the relation table, or a start column named like the arrows' alias
                throw new EdgeColumn(s.arrows);
            }
            if (path != null && !(s.name != null && s.matches(qualifier))) {
                if (level == 0) {
                    currentDocument(s);
                } else if (level == 1) {
                    sb.append("$parent.");
                } else {
                    throw new UnsupportedSurrealQLException("A subquery refers to " + qn
                            + " two or more levels out; SurrealQL only reaches one level ($parent)");
                }
                for (String p : path) {
                    Idents.ident(sb, p);
                    sb.append('.');
                }
                Idents.ident(sb, f.getName());
                return;
            }
            if (s.name != null && s.matches(qualifier)) {
                if (level == 0) {
                    currentDocument(s);
                    Idents.ident(sb, f.getName());
                } else if (level == 1) {
                    sb.append("$parent.");
                    Idents.ident(sb, f.getName());
                } else {
                    throw new UnsupportedSurrealQLException("A subquery refers to " + qn
                            + " two or more levels out; SurrealQL only reaches one level ($parent)");
                }
                return;
            }
        }
        Table<?> t = f.getTable();
        if (t != null && t.fields().length > 0) {
            // a typed (generated) table's field outside any SELECT: the statement's own table
            currentDocument(scope);
            Idents.ident(sb, f.getName());
            return;
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('.');
            }
            Idents.ident(sb, parts[i].last());
        }
    }

    /** Writes {@code @.} before a field of the record an ON DUPLICATE KEY UPDATE changes (3.x). */
    private void currentDocument(Scope s) {
        if (documentScope != null && s == documentScope) {
            sb.append("@.");
        }
    }

    /** A field written as the target of SET, OMIT, or an object key: its path without any table qualifier. */
    void columnPath(Field<?> f) {
        if (f instanceof TableField<?, ?> tf) {
            Name[] parts = tf.getQualifiedName().parts();
            int n = parts.length;
            if (n >= 2) {
                String qualifier = parts[n - 2].last();
                boolean isTable = scope != null && scope.name != null && scope.matches(qualifier)
                        || tf.getTable() != null && tf.getTable().fields().length > 0;
                if (!isTable) {
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            sb.append('.');
                        }
                        Idents.ident(sb, parts[i].last());
                    }
                    return;
                }
            }
            Idents.ident(sb, tf.getName());
        } else if (f instanceof SurrealRenderable r) {
            r.renderSurrealQL(this);
        } else {
            Idents.ident(sb, f.getName());
        }
    }

    private void param(Param<?> p) {
        Object v = dbValue(p);
        if (p.$inline()) {
            if (v == null) {
                sb.append(dataValue ? "NONE" : "NULL");
            } else {
                literal(v);
            }
        } else if (v == null && dataValue) {
            sb.append("NONE");
        } else {
            bind(v);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object dbValue(Param<?> p) {
        Object v = p.getValue();
        if (v == null) {
            return null;
        }
        Converter c = p.getConverter();
        if (c != null && c.fromType() != c.toType()) {
            v = c.to(v);
        }
        return normalize(v);
    }

    static Object normalize(Object v) {
        if (v instanceof DayToSecond d) {
            return d.toDuration();
        }
        if (v instanceof JSON j) {
            return j.data();
        }
        if (v instanceof JSONB j) {
            return j.data();
        }
        if (v instanceof EnumType e && !(v instanceof Enum<?>)) {
            return e.getLiteral();
        }
        if (v instanceof UNumber u) {
            return u.toBigInteger();
        }
        if (v instanceof org.jooq.types.YearToMonth) {
            throw new UnsupportedSurrealQLException("YEAR TO MONTH intervals have no SurrealDB duration form");
        }
        return v;
    }

    /** Whether a Param holds a non-null String (a value a string function accepts as it is). */
    static boolean isStringValue(Field<?> f) {
        return f instanceof Param<?> p && p.getValue() instanceof String;
    }

    /** Whether rendering {@code f} is cheap and side-effect free (a column, a parameter). */
    static boolean isSimple(Field<?> f) {
        return f instanceof TableField<?, ?> || f instanceof Param<?>;
    }

    // ===================================================================================== conditions

    void condition(Condition c) {
        condition(c, C_OTHER);
    }

    void condition(Condition c, int ctx) {
        if (c instanceof QOM.And a) {
            boolean parens = ctx != C_TOP && ctx != C_AND;
            if (parens) {
                sb.append('(');
            }
            if (isEmpty(a.$arg1())) {
                condition(a.$arg2(), C_AND);
            } else if (isEmpty(a.$arg2())) {
                condition(a.$arg1(), C_AND);
            } else {
                condition(a.$arg1(), C_AND);
                sb.append(" AND ");
                condition(a.$arg2(), C_AND);
            }
            if (parens) {
                sb.append(')');
            }
        } else if (c instanceof QOM.Or o) {
            boolean parens = ctx != C_TOP && ctx != C_OR;
            if (parens) {
                sb.append('(');
            }
            condition(o.$arg1(), C_OR);
            sb.append(" OR ");
            condition(o.$arg2(), C_OR);
            if (parens) {
                sb.append(')');
            }
        } else if (c instanceof QOM.Not n) {
            not(n.$arg1(), ctx);
        } else if (c instanceof QOM.Eq<?> x) {
            compare(x.$arg1(), EQ, x.$arg2(), ctx);
        } else if (c instanceof QOM.Ne<?> x) {
            compare(x.$arg1(), NE, x.$arg2(), ctx);
        } else if (c instanceof QOM.Gt<?> x) {
            compare(x.$arg1(), GT, x.$arg2(), ctx);
        } else if (c instanceof QOM.Ge<?> x) {
            compare(x.$arg1(), GE, x.$arg2(), ctx);
        } else if (c instanceof QOM.Lt<?> x) {
            compare(x.$arg1(), LT, x.$arg2(), ctx);
        } else if (c instanceof QOM.Le<?> x) {
            compare(x.$arg1(), LE, x.$arg2(), ctx);
        } else if (c instanceof QOM.IsNull x) {
            isNull(x.$arg1(), ctx);
        } else if (c instanceof QOM.IsNotNull x) {
            isNotNull(x.$arg1(), ctx);
        } else if (c instanceof SurrealRenderable r) {
            r.renderSurrealQL(this);
        } else if (c instanceof QOM.InList<?> x) {
            inList(x.$arg1(), x.$arg2(), false, ctx);
        } else if (c instanceof QOM.NotInList<?> x) {
            inList(x.$arg1(), x.$arg2(), true, ctx);
        } else if (c instanceof QOM.In<?> x) {
            inSubquery(x.$arg1(), x.$arg2(), false, ctx);
        } else if (c instanceof QOM.NotIn<?> x) {
            inSubquery(x.$arg1(), x.$arg2(), true, ctx);
        } else if (c instanceof QOM.Between<?> b) {
            between(b, JooqInternals.isNotBetween(b), ctx);
        } else if (c instanceof QOM.Exists e) {
            exists(e.$query());
        } else if (c instanceof QOM.True) {
            sb.append("true");
        } else if (c instanceof QOM.False) {
            sb.append("false");
        } else if (isEmpty(c)) {
            sb.append("true");
        } else if (c instanceof QOM.FieldCondition fc) {
            field(fc.$field());
        } else if (!Functions.condition(this, c, ctx, false)) {
            if (isPlainSql(c)) {
                plainSql(c);
            } else {
                throw UnsupportedSurrealQLException.of("The condition " + c.getClass().getSimpleName() + " (" + c + ")");
            }
        }
    }

    static final String EQ = " = ";
    static final String NE = " != ";
    static final String LT = " < ";
    static final String LE = " <= ";
    static final String GT = " > ";
    static final String GE = " >= ";

    /**
     * {@code NOT c} with SQL's three-valued logic: the negation is pushed into the condition (De Morgan, the
     * complementary comparison) so that NONE / NULL operands stay "unknown" (no match) instead of becoming true.
     */
    private void not(Condition c, int ctx) {
        if (c instanceof QOM.Not n) {
            condition(n.$arg1(), ctx);
        } else if (c instanceof QOM.And a) {
            boolean parens = ctx != C_TOP && ctx != C_OR;
            if (parens) {
                sb.append('(');
            }
            not(a.$arg1(), C_OR);
            sb.append(" OR ");
            not(a.$arg2(), C_OR);
            if (parens) {
                sb.append(')');
            }
        } else if (c instanceof QOM.Or o) {
            boolean parens = ctx != C_TOP && ctx != C_AND;
            if (parens) {
                sb.append('(');
            }
            not(o.$arg1(), C_AND);
            sb.append(" AND ");
            not(o.$arg2(), C_AND);
            if (parens) {
                sb.append(')');
            }
        } else if (c instanceof QOM.Eq<?> x) {
            compare(x.$arg1(), NE, x.$arg2(), ctx);
        } else if (c instanceof QOM.Ne<?> x) {
            compare(x.$arg1(), EQ, x.$arg2(), ctx);
        } else if (c instanceof QOM.Gt<?> x) {
            compare(x.$arg1(), LE, x.$arg2(), ctx);
        } else if (c instanceof QOM.Ge<?> x) {
            compare(x.$arg1(), LT, x.$arg2(), ctx);
        } else if (c instanceof QOM.Lt<?> x) {
            compare(x.$arg1(), GE, x.$arg2(), ctx);
        } else if (c instanceof QOM.Le<?> x) {
            compare(x.$arg1(), GT, x.$arg2(), ctx);
        } else if (c instanceof QOM.IsNull x) {
            isNotNull(x.$arg1(), ctx);
        } else if (c instanceof QOM.IsNotNull x) {
            isNull(x.$arg1(), ctx);
        } else if (c instanceof QOM.InList<?> x) {
            inList(x.$arg1(), x.$arg2(), true, ctx);
        } else if (c instanceof QOM.NotInList<?> x) {
            inList(x.$arg1(), x.$arg2(), false, ctx);
        } else if (c instanceof QOM.In<?> x) {
            inSubquery(x.$arg1(), x.$arg2(), true, ctx);
        } else if (c instanceof QOM.NotIn<?> x) {
            inSubquery(x.$arg1(), x.$arg2(), false, ctx);
        } else if (c instanceof QOM.Between<?> b) {
            between(b, !JooqInternals.isNotBetween(b), ctx);
        } else if (c instanceof QOM.True) {
            sb.append("false");
        } else if (c instanceof QOM.False) {
            sb.append("true");
        } else if (!Functions.condition(this, c, ctx, true)) {
            sb.append("!(");
            condition(c, C_TOP);
            sb.append(')');
        }
    }

    /**
     * Whether {@code f} may be NONE or NULL at run time: a column or path reference, except {@code id} (every record
     * has one).
     */
    /** A column that may be NONE / NULL, or arithmetic over columns (NULL when one of them is). */
    private static boolean nullableRef(Field<?> f) {
        Field<?> g = f instanceof QOM.FieldAlias<?> fa ? fa.$field() : f;
        return g instanceof TableField<?, ?> && !"id".equals(g.getName()) || !Functions.arithmeticOperands(g).isEmpty();
    }

    private static boolean nonNullValue(Field<?> f) {
        return f instanceof Param<?> p && p.getValue() != null;
    }

    /**
     * A comparison with SQL's NULL meaning: SurrealDB orders NONE and NULL before every value, so {@code x < 5} and
     * {@code x != 5} hold for a missing {@code x}; such operands are required to be present ({@code x IS NOT NONE AND
     * x IS NOT NULL}), as SQL's comparison with NULL is never true.
     */
    void compare(Field<?> a, String op, Field<?> b, int ctx) {
        boolean refA = nullableRef(a);
        boolean refB = nullableRef(b);
        boolean guardA = refA && (op == LT || op == LE || op == NE || refB);
        boolean guardB = refB && (op == GT || op == GE || op == NE || refA);
        boolean parens = (guardA || guardB) && ctx != C_TOP && ctx != C_AND;
        if (parens) {
            sb.append('(');
        }
        field(a);
        sb.append(op);
        if (b instanceof QOM.ScalarSubquery<?> sq) {
            subqueryValues(sq.$arg1(), true);
        } else {
            field(b);
        }
        if (guardA) {
            sb.append(" AND ");
            present(a);
        }
        if (guardB) {
            sb.append(" AND ");
            present(b);
        }
        if (parens) {
            sb.append(')');
        }
    }

    /**
     * {@code f IS NOT NONE AND f IS NOT NULL}; for arithmetic over columns, the checks of its columns
     * ({@code type::is_number(age)}), which hold exactly when the expression is not NULL.
     */
    void present(Field<?> f) {
        Field<?> g = f instanceof QOM.FieldAlias<?> fa ? fa.$field() : f;
        List<Field<?>> operands = Functions.arithmeticOperands(g);
        if (!operands.isEmpty()) {
            Functions.operandChecks(this, operands);
            return;
        }
        presentValue(f);
    }

    /** {@code f IS NOT NONE AND f IS NOT NULL}. */
    void presentValue(Field<?> f) {
        field(f);
        sb.append(" IS NOT NONE AND ");
        field(f);
        sb.append(" IS NOT NULL");
    }

    /** SQL's IS NULL: NONE (absent) or NULL. */
    private void isNull(Field<?> f, int ctx) {
        boolean parens = ctx != C_TOP && ctx != C_OR;
        if (parens) {
            sb.append('(');
        }
        field(f);
        sb.append(" IS NONE OR ");
        field(f);
        sb.append(" IS NULL");
        if (parens) {
            sb.append(')');
        }
    }

    private void isNotNull(Field<?> f, int ctx) {
        boolean parens = ctx != C_TOP && ctx != C_AND;
        if (parens) {
            sb.append('(');
        }
        field(f);
        sb.append(" IS NOT NONE AND ");
        field(f);
        sb.append(" IS NOT NULL");
        if (parens) {
            sb.append(')');
        }
    }

    private void inList(Field<?> f, List<? extends Field<?>> list, boolean not, int ctx) {
        boolean guard = not && nullableRef(f);
        boolean parens = guard && ctx != C_TOP && ctx != C_AND;
        if (parens) {
            sb.append('(');
        }
        field(f);
        if (list.size() == 1 && isList(list.get(0))) {
            // x IN graph(…) / x IN array(select …): the list the expression yields, not a list of one list
            sb.append(not ? " NOT IN " : " IN ");
            field(list.get(0));
        } else {
            sb.append(not ? " NOT IN [" : " IN [");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                field(list.get(i));
            }
            sb.append(']');
        }
        if (guard) {
            sb.append(" AND ");
            present(f);
        }
        if (parens) {
            sb.append(')');
        }
    }

    /** An expression whose value is a list: a graph traversal, {@code ARRAY(SELECT …)}. */
    private static boolean isList(Field<?> f) {
        return f instanceof Graph || f instanceof QOM.ArrayQuery<?>;
    }

    private void inSubquery(Field<?> f, Select<?> s, boolean not, int ctx) {
        boolean guard = not && nullableRef(f);
        boolean parens = guard && ctx != C_TOP && ctx != C_AND;
        if (parens) {
            sb.append('(');
        }
        field(f);
        sb.append(not ? " NOT IN " : " IN ");
        subqueryValues(s, false);
        if (guard) {
            sb.append(" AND ");
            present(f);
        }
        if (parens) {
            sb.append(')');
        }
    }

    /** {@code x >= a AND x <= b}; negated: {@code (x < a OR x > b)} with x required present. */
    private void between(QOM.Between<?> b, boolean not, int ctx) {
        if (b.$symmetric()) {
            throw UnsupportedSurrealQLException.of("BETWEEN SYMMETRIC");
        }
        Field<?> x = b.$arg1();
        if (!not) {
            boolean parens = ctx != C_TOP && ctx != C_AND;
            if (parens) {
                sb.append('(');
            }
            compare(x, GE, b.$arg2(), C_AND);
            sb.append(" AND ");
            if (nonNullValue(b.$arg2())) {
                // x >= a already keeps NONE and NULL out
                field(x);
                sb.append(LE);
                field(b.$arg3());
            } else {
                compare(x, LE, b.$arg3(), C_AND);
            }
            if (parens) {
                sb.append(')');
            }
            return;
        }
        boolean guard = nullableRef(x);
        boolean parens = ctx != C_TOP && (guard ? ctx != C_AND : ctx != C_OR);
        if (parens) {
            sb.append('(');
        }
        if (guard) {
            sb.append('(');
        }
        field(x);
        sb.append(LT);
        field(b.$arg2());
        sb.append(" OR ");
        field(x);
        sb.append(GT);
        field(b.$arg3());
        if (guard) {
            sb.append(") AND ");
            present(x);
        }
        if (parens) {
            sb.append(')');
        }
    }

    private void exists(Select<?> s) {
        sb.append("array::len((");
        select(s, ROWS, SelectOptions.NONE, null);
        if (s.$limit() == null) {
            sb.append(" LIMIT 1");
        }
        sb.append(")) > 0");
    }

    static boolean isEmpty(Condition c) {
        return c != null && c.getClass().getName().equals("org.jooq.impl.NoCondition");
    }

    // ===================================================================================== plain SQL

    private static boolean isPlainSql(QueryPart p) {
        String n = p.getClass().getName();
        return n.equals("org.jooq.impl.SQLField") || n.equals("org.jooq.impl.SQLCondition")
                || n.equals("org.jooq.impl.SQLTable");
    }

    /**
     * A jOOQ plain SQL template ({@code DSL.field("string::len(name)")}) is taken as SurrealQL; its bind values
     * ({@code ?}) and embedded query parts ({@code {0}}) are rendered by jOOQ. As in any jOOQ plain SQL, every
     * {@code ?} is a bind marker: write SurrealQL's {@code ??} and {@code ?:} operators with
     * {@link SurrealDSL#idiom(String)} instead.
     */
    private void plainSql(QueryPart p) {
        org.jooq.DSLContext ctx = DSL.using(org.jooq.SQLDialect.DEFAULT, new org.jooq.conf.Settings()
                .withRenderFormatted(false)
                .withRenderNamedParamPrefix(PARAM_MARK));
        String text = ctx.renderNamedParams(p);
        Map<String, Param<?>> params = ctx.extractParams(p);
        List<Object> values = ctx.extractBindValues(p);
        int k = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            if (ch == PARAM_MARK.charAt(0)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                String name = text.substring(i + 1, j);
                Param<?> param = params.get(name);
                if (param != null) {
                    param(param);
                } else {
                    bind(k < values.size() ? values.get(k) : null);
                }
                k++;
                i = j - 1;
            } else {
                sb.append(ch);
            }
        }
    }

    /** Marks jOOQ's named parameters in plain SQL text (a character SurrealQL never contains). */
    private static final String PARAM_MARK = "\u0001";

    // ===================================================================================== helpers for parts

    /** A list of fields separated by {@code ", "}. */
    void fields(List<? extends Field<?>> fs) {
        for (int i = 0; i < fs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            field(fs.get(i));
        }
    }

    void selectRows(Select<?> s, SelectOptions opts) {
        select(s, depth == 0 ? TOP : ROWS, opts, null);
    }

    /** {@code SELECT DIFF FROM t [WHERE c]} (after {@code LIVE }). */
    void liveDiff(Select<?> s) {
        checkSelect(s);
        Table<?> t = s.$from().isEmpty() ? null : s.$from().get(0);
        if (t == null) {
            throw new UnsupportedSurrealQLException("LIVE SELECT needs a FROM table");
        }
        Scope saved = scope;
        pushScope(t);
        try {
            sb.append("SELECT DIFF FROM ");
            table(t);
            Condition where = s.$where();
            if (where != null && !isEmpty(where)) {
                sb.append(" WHERE ");
                condition(where, C_TOP);
            }
        } finally {
            scope = saved;
        }
    }

    void subquery(Select<?> s, boolean scalar) {
        subqueryValues(s, scalar);
    }

    boolean dataValue(boolean on) {
        boolean saved = dataValue;
        dataValue = on;
        return saved;
    }

}
