package dev.surrealj.jooq;

import org.jooq.Field;

/** A SurrealQL binary operator condition: {@code a CONTAINSANY b}, {@code a INSIDE b} … */
final class OperatorCondition extends SurrealCondition {
    private static final long serialVersionUID = 1L;
    final Field<?> left;
    final String operator;
    final Field<?> right;

    OperatorCondition(Field<?> left, String operator, Field<?> right) {
        this.left = left;
        this.operator = operator;
        this.right = right;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.visit(left).sql(' ').sql(operator).sql(' ').visit(right);
    }
}
