package dev.surrealj.jooq;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import org.jooq.QueryPart;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectFinalStep;

/**
 * What jOOQ 3.19's query object model does not expose but the renderer must not silently drop: set operations
 * (UNION …), keyset paging (SEEK), FOR UPDATE, and the NOT of NOT BETWEEN. Read by reflection from jOOQ's
 * implementation classes (the jOOQ version is pinned); when a field cannot be read, the check is skipped.
 */
final class JooqInternals {
    private JooqInternals() {
    }

    private static final Field UNION_OP = field("org.jooq.impl.SelectQueryImpl", "unionOp");
    private static final Field SEEK = field("org.jooq.impl.SelectQueryImpl", "seek");
    private static final Field FOR_LOCK = field("org.jooq.impl.SelectQueryImpl", "forLock");
    private static final Field BETWEEN_NOT = field("org.jooq.impl.BetweenCondition", "not");
    private static final Field RETURNING = field("org.jooq.impl.AbstractDMLQuery", "returning");

    private static Field field(String className, String name) {
        try {
            Field f = Class.forName(className).getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object selectQuery(Select<?> s) {
        if (UNION_OP != null && UNION_OP.getDeclaringClass().isInstance(s)) {
            return s;
        }
        if (s instanceof SelectFinalStep<?> f) {
            try {
                return f.getQuery();
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** The name of an unsupported clause of {@code s} that the QOM does not show, or null. */
    static String hiddenClause(Select<?> s) {
        Object q = selectQuery(s);
        if (q == null) {
            return null;
        }
        if (nonEmpty(UNION_OP, q)) {
            return "UNION / INTERSECT / EXCEPT";
        }
        if (nonEmpty(SEEK, q)) {
            return "SEEK (keyset paging)";
        }
        if (FOR_LOCK != null) {
            try {
                if (FOR_LOCK.get(q) != null) {
                    return "FOR UPDATE / FOR SHARE";
                }
            } catch (IllegalAccessException e) {
                // skip
            }
        }
        return null;
    }

    private static boolean nonEmpty(Field f, Object q) {
        if (f == null) {
            return false;
        }
        try {
            Object v = f.get(q);
            return v instanceof Collection<?> c && !c.isEmpty();
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    /**
     * The RETURNING list of an INSERT / UPDATE / DELETE whose QOM view does not show it (jOOQ executes the inner
     * DML query of {@code insertInto(…).returning(…)}), or null when it has none.
     */
    @SuppressWarnings("unchecked")
    static List<? extends SelectFieldOrAsterisk> returning(QueryPart dml) {
        if (RETURNING == null || !RETURNING.getDeclaringClass().isInstance(dml)) {
            return null;
        }
        try {
            Object v = RETURNING.get(dml);
            return v instanceof List<?> l && !l.isEmpty() ? (List<? extends SelectFieldOrAsterisk>) l : null;
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** Whether a BETWEEN condition is a NOT BETWEEN. */
    static boolean isNotBetween(QueryPart between) {
        if (BETWEEN_NOT == null || !BETWEEN_NOT.getDeclaringClass().isInstance(between)) {
            return false;
        }
        try {
            return BETWEEN_NOT.getBoolean(between);
        } catch (IllegalAccessException e) {
            return false;
        }
    }
}
