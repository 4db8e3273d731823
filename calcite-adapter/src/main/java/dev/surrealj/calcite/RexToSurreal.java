package dev.surrealj.calcite;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.NlsString;

/**
 * Translates Calcite row expressions into SurrealQL over the columns of the statement being built, or
 * refuses ({@link Unsupported}) when SurrealDB would not give exactly SQL's answer.
 *
 * <p>SQL NULL semantics: SurrealDB has NONE (missing) and NULL, and {@code NONE < 5} is true. So a
 * comparison on a nullable operand is pushed only where "unknown" and "false" mean the same (under
 * AND/OR at the top of a WHERE clause), guarded by {@code (x != NONE AND x != NULL AND …)}; under NOT
 * and in values, operands must be NOT NULL.
 */
final class RexToSurreal {
    /** The expression cannot be pushed down. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    private final RexBuilder rexBuilder;
    private final List<SelectBuilder.Col> inputs;
    private final List<SelectBuilder.Param> params;

    RexToSurreal(RexBuilder rexBuilder, List<SelectBuilder.Col> inputs, List<SelectBuilder.Param> params) {
        this.rexBuilder = rexBuilder;
        this.inputs = inputs;
        this.params = params;
    }

    /** Whether {@code node} can be pushed as a WHERE condition over {@code inputs}. */
    static boolean canFilter(RexBuilder rexBuilder, List<SelectBuilder.Col> inputs, RexNode node) {
        try {
            new RexToSurreal(rexBuilder, inputs, new ArrayList<>()).where(node);
            return true;
        } catch (Unsupported e) {
            return false;
        }
    }

    /** Whether {@code node} can be pushed as a projected value. */
    static boolean canProject(RexBuilder rexBuilder, List<SelectBuilder.Col> inputs, RexNode node) {
        try {
            new RexToSurreal(rexBuilder, inputs, new ArrayList<>()).value(node, true);
            return true;
        } catch (Unsupported e) {
            return false;
        }
    }

    /** A WHERE condition. */
    String where(RexNode node) throws Unsupported {
        return condition(node, false);
    }

    /**
     * @param exact true when the result must be SQL's exactly (under NOT): unknown is impossible then
     *              because nullable operands are refused; false when unknown may read as false
     */
    private String condition(RexNode node, boolean exact) throws Unsupported {
        if (node.getKind() == SqlKind.SEARCH) {
            return condition(RexUtil.expandSearch(rexBuilder, null, node), exact);
        }
        if (node instanceof RexLiteral lit && lit.getType().getSqlTypeName() == SqlTypeName.BOOLEAN) {
            Boolean b = lit.getValueAs(Boolean.class);
            if (b == null) {
                if (exact) {
                    throw new Unsupported("NULL condition");
                }
                return "false";
            }
            return b.toString();
        }
        if (node instanceof RexInputRef ref) {
            SelectBuilder.Col c = column(ref, true);
            if (c.nullable() && exact) {
                throw new Unsupported("nullable boolean under NOT");
            }
            return "(" + c.expr() + " = true)";
        }
        if (!(node instanceof RexCall call)) {
            throw new Unsupported(node.toString());
        }
        List<RexNode> ops = call.getOperands();
        switch (call.getKind()) {
            case AND:
            case OR: {
                List<String> parts = new ArrayList<>();
                for (RexNode op : ops) {
                    parts.add(condition(op, exact));
                }
                return "(" + String.join(call.getKind() == SqlKind.AND ? " AND " : " OR ", parts) + ")";
            }
            case NOT:
                return "!" + condition(ops.get(0), true);
            case EQUALS:
            case NOT_EQUALS:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL: {
                String op = switch (call.getKind()) {
                    case EQUALS -> "=";
                    case NOT_EQUALS -> "!=";
                    case LESS_THAN -> "<";
                    case LESS_THAN_OR_EQUAL -> "<=";
                    case GREATER_THAN -> ">";
                    default -> ">=";
                };
                // NONE and NULL sort below every value: "x > v", "x >= v" and "x = v" are already false
                // for them; "x < v", "x <= v" and "x != v" need the guard
                SqlKind k = call.getKind();
                boolean guardLeft = k == SqlKind.NOT_EQUALS || k == SqlKind.LESS_THAN || k == SqlKind.LESS_THAN_OR_EQUAL
                        || ops.get(1).getType().isNullable() && !(ops.get(1) instanceof RexDynamicParam);
                boolean guardRight = k == SqlKind.NOT_EQUALS || k == SqlKind.GREATER_THAN
                        || k == SqlKind.GREATER_THAN_OR_EQUAL
                        || ops.get(0).getType().isNullable() && !(ops.get(0) instanceof RexDynamicParam);
                List<String> guards = new ArrayList<>();
                String left = operand(ops.get(0), exact, guards, guardLeft);
                String right = operand(ops.get(1), exact, guards, guardRight);
                guards.add(left + " " + op + " " + right);
                return guards.size() == 1 ? guards.get(0) : "(" + String.join(" AND ", guards) + ")";
            }
            case IS_NULL:
            case IS_NOT_NULL: {
                String e = value(ops.get(0), true);
                return call.getKind() == SqlKind.IS_NULL
                        ? "(" + e + " = NONE OR " + e + " = NULL)"
                        : "(" + e + " != NONE AND " + e + " != NULL)";
            }
            case LIKE: {
                if (ops.size() != 2 || call.getOperator().getName().toUpperCase().contains("NOT")
                        || !(ops.get(1) instanceof RexLiteral pat)) {
                    throw new Unsupported("LIKE form");
                }
                String p = pat.getValueAs(String.class);
                if (p == null || p.indexOf('_') >= 0 || p.indexOf('\\') >= 0) {
                    throw new Unsupported("LIKE pattern");
                }
                boolean starts = !p.startsWith("%");
                boolean ends = !p.endsWith("%");
                String inner = p.substring(starts ? 0 : 1, Math.max(starts ? 0 : 1, p.length() - (ends ? 0 : 1)));
                if (inner.indexOf('%') >= 0) {
                    throw new Unsupported("LIKE pattern");
                }
                List<String> guards = new ArrayList<>();
                String e = operand(ops.get(0), exact, guards, true);
                String v = param(inner, SqlTypeName.VARCHAR);
                String test = starts && ends ? e + " = " + v
                        : starts ? "string::starts_with(" + e + ", " + v + ")"
                        : ends ? "string::ends_with(" + e + ", " + v + ")"
                        : "string::contains(" + e + ", " + v + ")";
                guards.add(test);
                return guards.size() == 1 ? guards.get(0) : "(" + String.join(" AND ", guards) + ")";
            }
            default:
                throw new Unsupported(call.getKind().toString());
        }
    }

    /**
     * An operand of a comparison: comparable in SurrealDB as in SQL; when nullable and {@code guard}
     * (or a statement parameter, which may be bound to NULL), guarded so that NONE/NULL make the
     * comparison false.
     */
    private String operand(RexNode node, boolean exact, List<String> guards, boolean guard) throws Unsupported {
        if (node instanceof RexLiteral lit && lit.isNull()) {
            throw new Unsupported("comparison with NULL");
        }
        String e = value(node, false);
        // a parameter may be bound to NULL: SurrealDB's "x = NULL" is true for NULL values, SQL's is unknown
        boolean param = node instanceof RexDynamicParam;
        if (node.getType().isNullable() || param) {
            if (exact) {
                throw new Unsupported("nullable operand under NOT");
            }
            if (guard || param) {
                guards.add(e + " != NONE");
                guards.add(e + " != NULL");
            }
        }
        return e;
    }

    /**
     * A value.
     *
     * @param any whether any column type is fine (projection, IS NULL); otherwise only types SurrealDB
     *            compares as SQL does
     */
    String value(RexNode node, boolean any) throws Unsupported {
        if (node instanceof RexInputRef ref) {
            return column(ref, any).expr();
        }
        if (node instanceof RexLiteral lit) {
            return literal(lit);
        }
        if (node instanceof RexDynamicParam p) {
            SqlTypeName t = p.getType().getSqlTypeName();
            if (!SurrealType.ofSql(t).comparable) {
                throw new Unsupported("parameter type " + t);
            }
            params.add(new SelectBuilder.Param(null, p.getIndex(), t));
            return "$p" + (params.size() - 1);
        }
        if (!(node instanceof RexCall call)) {
            throw new Unsupported(node.toString());
        }
        List<RexNode> ops = call.getOperands();
        switch (call.getKind()) {
            case CAST: {
                RelDataType to = call.getType();
                RelDataType from = ops.get(0).getType();
                boolean widening = SqlTypeUtil.isNumeric(to) && SqlTypeUtil.isNumeric(from)
                        && (SqlTypeUtil.isApproximateNumeric(to) || SqlTypeUtil.isExactNumeric(from)
                                && SqlTypeUtil.isExactNumeric(to) && from.getScale() <= to.getScale()
                                && (to.getSqlTypeName() != SqlTypeName.DECIMAL || SqlTypeUtil.isIntType(from)
                                        || from.getSqlTypeName() == SqlTypeName.DECIMAL));
                boolean sameFamily = from.getSqlTypeName() == to.getSqlTypeName()
                        && from.getSqlTypeName() != SqlTypeName.CHAR
                        || SqlTypeUtil.inCharFamily(from) && to.getSqlTypeName() == SqlTypeName.VARCHAR
                                && from.getSqlTypeName() == SqlTypeName.VARCHAR;
                if (ops.get(0) instanceof RexLiteral lit && !lit.isNull()
                        && (to.getFamily() == SqlTypeFamily.CHARACTER && SqlTypeUtil.inCharFamily(from))) {
                    return literal(lit);
                }
                if (!widening && !sameFamily) {
                    throw new Unsupported("CAST " + from + " → " + to);
                }
                return value(ops.get(0), any);
            }
            case PLUS:
            case MINUS:
            case TIMES: {
                if (ops.size() != 2 || !SqlTypeUtil.isNumeric(call.getType())) {
                    throw new Unsupported("arithmetic");
                }
                for (RexNode op : ops) {
                    if (op.getType().isNullable()) {
                        throw new Unsupported("arithmetic on a nullable operand");
                    }
                }
                String op = call.getKind() == SqlKind.PLUS ? " + " : call.getKind() == SqlKind.MINUS ? " - " : " * ";
                return "(" + value(ops.get(0), false) + op + value(ops.get(1), false) + ")";
            }
            default:
                throw new Unsupported(call.getKind().toString());
        }
    }

    private SelectBuilder.Col column(RexInputRef ref, boolean any) throws Unsupported {
        SelectBuilder.Col c = inputs.get(ref.getIndex());
        if (!any && !c.comparable()) {
            throw new Unsupported("column " + c.alias() + " is not comparable in SurrealDB as in SQL");
        }
        return c;
    }

    private String literal(RexLiteral lit) throws Unsupported {
        if (lit.isNull()) {
            throw new Unsupported("NULL literal");
        }
        SqlTypeName t = lit.getType().getSqlTypeName();
        switch (t) {
            case TINYINT: case SMALLINT: case INTEGER: case BIGINT: case DECIMAL: case FLOAT: case REAL: case DOUBLE: {
                BigDecimal d = lit.getValueAs(BigDecimal.class);
                if (d == null) {
                    throw new Unsupported("number");
                }
                String s = d.toPlainString();
                // 1.0 stays a float in SurrealQL; plain integers stay ints
                return d.signum() < 0 ? "(" + s + ")" : s;
            }
            case BOOLEAN:
                return String.valueOf(lit.getValueAs(Boolean.class));
            case CHAR: case VARCHAR: {
                NlsString n = lit.getValueAs(NlsString.class);
                return param(n == null ? lit.getValueAs(String.class) : n.getValue(), SqlTypeName.VARCHAR);
            }
            case TIMESTAMP: {
                Long millis = lit.getValueAs(Long.class);
                if (millis == null) {
                    throw new Unsupported("timestamp");
                }
                return param(Instant.ofEpochMilli(millis), SqlTypeName.TIMESTAMP);
            }
            default:
                throw new Unsupported("literal of type " + t);
        }
    }

    private String param(Object value, SqlTypeName type) {
        params.add(new SelectBuilder.Param(value, -1, type));
        return "$p" + (params.size() - 1);
    }
}
