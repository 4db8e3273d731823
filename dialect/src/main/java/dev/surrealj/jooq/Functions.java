package dev.surrealj.jooq;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.AggregateFunction;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.TableField;
import org.jooq.impl.QOM;

/**
 * jOOQ's functions, operators and predicates mapped to SurrealQL (see {@link SurrealDSL} for the table).
 *
 * <p>String functions raise an error in SurrealDB when given NONE or NULL, where SQL returns NULL; so a string
 * function over anything but a string value is guarded: {@code (IF type::is_string(x) { string::len(x) } ELSE
 * { NULL })}, and a string predicate becomes {@code (type::is_string(x) AND string::starts_with(x, ?))}.
 */
final class Functions {
    private Functions() {
    }

    // ================================================================================ function names

    /**
     * A SurrealQL function name for the version: 3.x renamed {@code type::thing} → {@code type::record},
     * {@code ::is::} → {@code ::is_} and {@code ::from::} → {@code ::from_}; names are translated both ways.
     */
    static String name(String name, SurrealVersion v) {
        if (v.isV3()) {
            if (name.equals("type::thing")) {
                return "type::record";
            }
            if (name.indexOf("::is::") >= 0 || name.indexOf("::from::") >= 0) {
                return name.replace("::is::", "::is_").replace("::from::", "::from_");
            }
        } else {
            if (name.equals("type::record")) {
                return "type::thing";
            }
            if (name.indexOf("::is_") >= 0 || name.indexOf("::from_") >= 0) {
                return name.replace("::is_", "::is::").replace("::from_", "::from::");
            }
        }
        return name;
    }

    static String isString(SurrealVersion v) {
        return v.isV3() ? "type::is_string" : "type::is::string";
    }

    static String durationFrom(SurrealVersion v, String unit) {
        return (v.isV3() ? "duration::from_" : "duration::from::") + unit;
    }

    // ================================================================================ fields

    /** Renders a jOOQ function or operator; false when it is not one this class knows. */
    static boolean field(Renderer r, Field<?> f) {
        if (f instanceof QOM.WindowFunction<?> w && (!(f instanceof AggregateFunction<?>)
                || w.$windowSpecification() != null || w.$windowDefinition() != null)) {
            throw UnsupportedSurrealQLException.relational("A window function (" + f + ")");
        }
        // arithmetic
        if (f instanceof QOM.Add<?> || f instanceof QOM.Sub<?> || f instanceof QOM.Mul<?> || f instanceof QOM.Div<?>
                || f instanceof QOM.Mod<?> || f instanceof QOM.Neg<?> || f instanceof QOM.DateAdd<?>) {
            arithmetic(r, f);
        } else if (f instanceof AggregateFunction<?> a) {
            aggregate(r, a);
        } else if (f instanceof QOM.ScalarSubquery<?> sq) {
            r.subquery(sq.$arg1(), true);
        } else if (f instanceof QOM.ConditionAsField c) {
            r.condition(c.$condition());
        } else if (f instanceof QOM.Excluded<?> e) {
            r.sb.append("$input.");
            r.columnPath(e.$field());
        } else if (f instanceof QOM.Default<?>) {
            r.sb.append("NONE");
        } else if (f instanceof QOM.Cast<?> c) {
            cast(r, c.$field(), c.getDataType());
        } else if (f instanceof QOM.Coerce<?> c) {
            r.field(c.$field());
        } else if (string(r, f) || math(r, f) || temporal(r, f) || conditional(r, f) || array(r, f)) {
            return true;
        } else if (f instanceof QOM.Function<?> fn) {
            String name = fn.getName();
            if (!Idents.isFunctionName(name)) {
                throw UnsupportedSurrealQLException.of("The function " + name);
            }
            call(r, Functions.name(name, r.version), fn.$args());
        } else {
            return false;
        }
        return true;
    }

    /**
     * An arithmetic expression. SurrealDB raises an error for arithmetic on NONE or NULL (SQL gives NULL): when
     * columns are operands, the outermost arithmetic checks them once,
     * {@code (IF type::is_number(age) { age + ? } ELSE { NULL })}.
     */
    private static void arithmetic(Renderer r, Field<?> f) {
        if (r.inArithmetic) {
            arithmeticBody(r, f, true);
            return;
        }
        List<Field<?>> refs = arithmeticOperands(f);
        if (refs.isEmpty()) {
            arithmeticBody(r, f, true);
            return;
        }
        r.inArithmetic = true;
        try {
            r.sb.append("(IF ");
            operandChecks(r, refs);
            r.sb.append(" { ");
            arithmeticBody(r, f, false);
            r.sb.append(" } ELSE { NULL })");
        } finally {
            r.inArithmetic = false;
        }
    }

    /** The columns of an arithmetic expression (empty when {@code f} is not arithmetic or has none). */
    static List<Field<?>> arithmeticOperands(Field<?> f) {
        if (!(f instanceof QOM.Add<?> || f instanceof QOM.Sub<?> || f instanceof QOM.Mul<?> || f instanceof QOM.Div<?>
                || f instanceof QOM.Mod<?> || f instanceof QOM.Neg<?> || f instanceof QOM.DateAdd<?>)) {
            return List.of();
        }
        List<Field<?>> refs = new ArrayList<>(2);
        operands(f, refs);
        return refs;
    }

    /** {@code type::is_number(a) AND type::is_datetime(b) …}: the operands hold values arithmetic accepts. */
    static void operandChecks(Renderer r, List<Field<?>> refs) {
        for (int i = 0; i < refs.size(); i++) {
            if (i > 0) {
                r.sb.append(" AND ");
            }
            Field<?> ref = refs.get(i);
            String check = isTemporal(ref) ? (r.version.isV3() ? "type::is_datetime" : "type::is::datetime")
                    : isNumeric(ref) ? (r.version.isV3() ? "type::is_number" : "type::is::number")
                    : ref.getType() == java.time.Duration.class
                            ? (r.version.isV3() ? "type::is_duration" : "type::is::duration") : null;
            if (check != null) {
                r.sb.append(check).append('(');
                r.field(ref);
                r.sb.append(')');
            } else {
                r.presentValue(ref);
            }
        }
    }

    private static void arithmeticBody(Renderer r, Field<?> f, boolean parens) {
        if (f instanceof QOM.Add<?> x) {
            binary(r, x.$arg1(), " + ", x.$arg2(), parens);
        } else if (f instanceof QOM.Sub<?> x) {
            binary(r, x.$arg1(), " - ", x.$arg2(), parens);
        } else if (f instanceof QOM.Mul<?> x) {
            binary(r, x.$arg1(), " * ", x.$arg2(), parens);
        } else if (f instanceof QOM.Div<?> x) {
            binary(r, x.$arg1(), " / ", x.$arg2(), parens);
        } else if (f instanceof QOM.Mod<?> x) {
            binary(r, x.$arg1(), " % ", x.$arg2(), parens);
        } else if (f instanceof QOM.Neg<?> x) {
            r.sb.append("-(");
            r.field(x.$arg1());
            r.sb.append(')');
        } else if (f instanceof QOM.DateAdd<?> x) {
            dateAdd(r, x.$date(), x.$interval(), x.$datePart(), parens);
        }
    }

    /** The columns an arithmetic expression computes with (through nested arithmetic), each once. */
    private static void operands(Field<?> f, List<Field<?>> out) {
        if (f instanceof TableField<?, ?>) {
            for (Field<?> o : out) {
                if (o.equals(f)) {
                    return;
                }
            }
            out.add(f);
        } else if (f instanceof QOM.Add<?> x) {
            operands(x.$arg1(), out);
            operands(x.$arg2(), out);
        } else if (f instanceof QOM.Sub<?> x) {
            operands(x.$arg1(), out);
            operands(x.$arg2(), out);
        } else if (f instanceof QOM.Mul<?> x) {
            operands(x.$arg1(), out);
            operands(x.$arg2(), out);
        } else if (f instanceof QOM.Div<?> x) {
            operands(x.$arg1(), out);
            operands(x.$arg2(), out);
        } else if (f instanceof QOM.Mod<?> x) {
            operands(x.$arg1(), out);
            operands(x.$arg2(), out);
        } else if (f instanceof QOM.Neg<?> x) {
            operands(x.$arg1(), out);
        } else if (f instanceof QOM.DateAdd<?> x) {
            operands(x.$date(), out);
            operands(x.$interval(), out);
        } else if (f instanceof QOM.Coerce<?> x) {
            operands(x.$field(), out);
        }
    }

    private static boolean isNumeric(Field<?> f) {
        DataType<?> t = f.getDataType();
        return t.isNumeric() || Number.class.isAssignableFrom(t.getType());
    }

    private static void binary(Renderer r, Field<?> a, String op, Field<?> b, boolean parens) {
        if (parens) {
            r.sb.append('(');
        }
        r.field(a);
        r.sb.append(op);
        r.field(b);
        if (parens) {
            r.sb.append(')');
        }
    }

    static void call(Renderer r, String name, List<? extends Field<?>> args) {
        r.sb.append(name).append('(');
        r.fields(args);
        r.sb.append(')');
    }

    private static void call1(Renderer r, String name, Field<?> a) {
        r.sb.append(name).append('(');
        r.field(a);
        r.sb.append(')');
    }

    private static void call2(Renderer r, String name, Field<?> a, Field<?> b) {
        r.sb.append(name).append('(');
        r.field(a);
        r.sb.append(", ");
        r.field(b);
        r.sb.append(')');
    }

    // ================================================================================ aggregates

    private static void aggregate(Renderer r, AggregateFunction<?> a) {
        if (a.$filterWhere() != null && !Renderer.isEmpty(a.$filterWhere())) {
            throw UnsupportedSurrealQLException.of("An aggregate FILTER (WHERE …)");
        }
        if (a instanceof QOM.Count c) {
            Field<?> x = c.$field();
            boolean star = x == null || "*".equals(x.getName()) || x.getClass().getSimpleName().contains("Asterisk");
            if (c.$distinct()) {
                if (star) {
                    throw UnsupportedSurrealQLException.of("COUNT(DISTINCT *)");
                }
                distinctCount(r, x);
            } else if (star) {
                r.sb.append("count()");
            } else {
                r.sb.append("count(");
                r.field(x);
                r.sb.append(" IS NOT NONE AND ");
                r.field(x);
                r.sb.append(" IS NOT NULL)");
            }
        } else if (a instanceof QOM.Sum s) {
            noDistinct(s.$distinct(), "SUM");
            nullWithoutValues(r, "math::sum", s.$field());
        } else if (a instanceof QOM.Avg s) {
            noDistinct(s.$distinct(), "AVG");
            nullWithoutValues(r, "math::mean", s.$field());
        } else if (a instanceof QOM.Min<?> s) {
            noDistinct(s.$distinct(), "MIN");
            if (untypedExtreme(r, s.$field(), "array::first")) {
                return;
            }
            call1(r, isTemporal(s.$field()) ? "time::min" : "math::min", s.$field());
        } else if (a instanceof QOM.Max<?> s) {
            noDistinct(s.$distinct(), "MAX");
            if (untypedExtreme(r, s.$field(), "array::last")) {
                return;
            }
            call1(r, isTemporal(s.$field()) ? "time::max" : "math::max", s.$field());
        } else if (a instanceof QOM.Median s) {
            call1(r, "math::median", s.$field());
        } else if (a instanceof QOM.StddevSamp s) {
            call1(r, "math::stddev", s.$field());
        } else if (a instanceof QOM.VarSamp s) {
            call1(r, "math::variance", s.$field());
        } else {
            throw UnsupportedSurrealQLException.relational("The aggregate function " + a.getClass().getSimpleName()
                    + " (" + a + ")");
        }
    }

    /**
     * SQL translation on 3.x, where the parsed column has no type: MIN/MAX of any comparable values (numbers, text,
     * datetimes) as the first/last of the sorted distinct values without NONE and NULL, which is NONE (NULL) when there
     * are none, as in SQL ({@code math::min} is numeric only: {@code Infinity} for text and for no values).
     */
    private static boolean untypedExtreme(Renderer r, Field<?> x, String pick) {
        if (r.joins == null || !r.version.isV3() || x.getType() != Object.class) {
            return false;
        }
        r.sb.append(pick).append("(array::sort(array::complement(array::distinct(");
        r.field(x);
        r.sb.append("), [NONE, NULL])))");
        return true;
    }

    /**
     * SUM/AVG; in SQL translation on 3.x NULL when there are no values, as in SQL ({@code math::sum} gives 0 and
     * {@code math::mean} NaN there).
     */
    private static void nullWithoutValues(Renderer r, String fn, Field<?> x) {
        if (r.joins == null || !r.version.isV3()) {
            call1(r, fn, x);
            return;
        }
        r.sb.append("(IF count(");
        r.field(x);
        r.sb.append(" IS NOT NONE AND ");
        r.field(x);
        r.sb.append(" IS NOT NULL) > 0 { ");
        call1(r, fn, x);
        r.sb.append(" } ELSE { NULL })");
    }

    private static void distinctCount(Renderer r, Field<?> x) {
        if (!r.version.isV3()) {
            throw new UnsupportedSurrealQLException("COUNT(DISTINCT …) cannot be rendered as SurrealQL 2.x");
        }
        // SQL's COUNT(DISTINCT x) does not count NULL: nor NONE
        r.sb.append("array::len(array::complement(array::distinct(");
        r.field(x);
        r.sb.append("), [NONE, NULL]))");
    }

    private static void noDistinct(boolean distinct, String fn) {
        if (distinct) {
            throw UnsupportedSurrealQLException.of(fn + "(DISTINCT …)");
        }
    }

    private static boolean isTemporal(Field<?> f) {
        DataType<?> t = f.getDataType();
        return t.isTemporal() || java.time.temporal.Temporal.class.isAssignableFrom(t.getType())
                || java.util.Date.class.isAssignableFrom(t.getType());
    }

    // ================================================================================ strings

    /** A string function: guarded against NONE/NULL arguments unless the argument is a string value. */
    private static void stringFn(Renderer r, String name, Field<?> s, Field<?>... more) {
        boolean guard = !Renderer.isStringValue(s);
        if (guard) {
            r.sb.append("(IF ").append(isString(r.version)).append('(');
            r.field(s);
            r.sb.append(") { ");
        }
        r.sb.append(name).append('(');
        r.field(s);
        for (Field<?> m : more) {
            r.sb.append(", ");
            r.field(m);
        }
        r.sb.append(')');
        if (guard) {
            r.sb.append(" } ELSE { NULL })");
        }
    }

    private static boolean string(Renderer r, Field<?> f) {
        if (f instanceof QOM.Upper x) {
            stringFn(r, "string::uppercase", x.$arg1());
        } else if (f instanceof QOM.Lower x) {
            stringFn(r, "string::lowercase", x.$arg1());
        } else if (f instanceof QOM.Trim x) {
            if (x.$characters() != null) {
                throw UnsupportedSurrealQLException.of("TRIM with characters");
            }
            stringFn(r, "string::trim", x.$string());
        } else if (f instanceof QOM.CharLength x) {
            stringFn(r, "string::len", x.$arg1());
        } else if (f instanceof QOM.Concat x) {
            call(r, "string::concat", x.$arg1());
        } else if (f instanceof QOM.Substring x) {
            substring(r, x.$string(), x.$startingPosition(), x.$length());
        } else if (f instanceof QOM.Left x) {
            substring(r, x.$arg1(), org.jooq.impl.DSL.val(1), x.$arg2());
        } else if (f instanceof QOM.Replace x) {
            Field<?> with = x.$arg3() != null ? x.$arg3() : org.jooq.impl.DSL.val("");
            stringFn(r, "string::replace", x.$arg1(), x.$arg2(), with);
        } else if (f instanceof QOM.Reverse x) {
            stringFn(r, "string::reverse", x.$arg1());
        } else if (f instanceof QOM.Repeat x) {
            stringFn(r, "string::repeat", x.$arg1(), x.$arg2());
        } else if (f instanceof QOM.Md5 x) {
            stringFn(r, "crypto::md5", x.$arg1());
        } else {
            return false;
        }
        return true;
    }

    /**
     * SQL's 1-based {@code substring(s, start, len)}: {@code string::slice(s, start - 1, len)} in 2.x (a length),
     * {@code string::slice(s, start - 1, start - 1 + len)} in 3.x (an end index).
     */
    private static void substring(Renderer r, Field<?> s, Field<?> start, Field<?> len) {
        boolean guard = !Renderer.isStringValue(s);
        if (guard) {
            r.sb.append("(IF ").append(isString(r.version)).append('(');
            r.field(s);
            r.sb.append(") { ");
        }
        r.sb.append("string::slice(");
        r.field(s);
        r.sb.append(", ");
        Long st = longValue(start);
        if (st != null) {
            r.bind(st - 1);
        } else {
            r.sb.append('(');
            r.field(start);
            r.sb.append(" - 1)");
        }
        if (len != null) {
            r.sb.append(", ");
            Long ln = longValue(len);
            if (!r.version.isV3()) {
                r.field(len);
            } else if (st != null && ln != null) {
                r.bind(st - 1 + ln);
            } else {
                r.sb.append('(');
                if (st != null) {
                    r.bind(st - 1);
                } else {
                    r.sb.append('(');
                    r.field(start);
                    r.sb.append(" - 1)");
                }
                r.sb.append(" + ");
                r.field(len);
                r.sb.append(')');
            }
        }
        r.sb.append(')');
        if (guard) {
            r.sb.append(" } ELSE { NULL })");
        }
    }

    private static Long longValue(Field<?> f) {
        if (f instanceof Param<?> p && p.getValue() instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    // ================================================================================ math

    private static boolean math(Renderer r, Field<?> f) {
        if (f instanceof QOM.Abs<?> x) {
            call1(r, "math::abs", x.$arg1());
        } else if (f instanceof QOM.Ceil<?> x) {
            call1(r, "math::ceil", x.$arg1());
        } else if (f instanceof QOM.Floor<?> x) {
            call1(r, "math::floor", x.$arg1());
        } else if (f instanceof QOM.Round<?> x) {
            Field<?> d = x.$decimals();
            Long dv = d == null ? Long.valueOf(0) : longValue(d);
            if (dv != null && dv == 0) {
                call1(r, "math::round", x.$value());
            } else {
                call2(r, "math::fixed", x.$value(), d);
            }
        } else if (f instanceof QOM.Sqrt x) {
            call1(r, "math::sqrt", x.$arg1());
        } else if (f instanceof QOM.Power x) {
            call2(r, "math::pow", x.$base(), x.$exponent());
        } else if (f instanceof QOM.Square<?> x) {
            r.sb.append("math::pow(");
            r.field(x.$arg1());
            r.sb.append(", 2)");
        } else if (f instanceof QOM.Ln x) {
            call1(r, "math::ln", x.$arg1());
        } else if (f instanceof QOM.Log10 x) {
            call1(r, "math::log10", x.$arg1());
        } else if (f instanceof QOM.Log x) {
            call2(r, "math::log", x.$arg1(), x.$arg2());
        } else if (f instanceof QOM.Exp x) {
            r.sb.append("math::pow(math::e, ");
            r.field(x.$arg1());
            r.sb.append(')');
        } else if (f instanceof QOM.Sign x) {
            call1(r, "math::sign", x.$arg1());
        } else if (f instanceof QOM.Pi) {
            r.sb.append("math::pi");
        } else if (f instanceof QOM.Euler) {
            r.sb.append("math::e");
        } else if (f instanceof QOM.Rand) {
            r.sb.append("rand()");
        } else if (f instanceof QOM.Degrees x) {
            call1(r, "math::rad2deg", x.$arg1());
        } else if (f instanceof QOM.Radians x) {
            call1(r, "math::deg2rad", x.$arg1());
        } else if (f instanceof QOM.Sin x) {
            call1(r, "math::sin", x.$arg1());
        } else if (f instanceof QOM.Cos x) {
            call1(r, "math::cos", x.$arg1());
        } else if (f instanceof QOM.Tan x) {
            call1(r, "math::tan", x.$arg1());
        } else if (f instanceof QOM.Asin x) {
            call1(r, "math::asin", x.$arg1());
        } else if (f instanceof QOM.Acos x) {
            call1(r, "math::acos", x.$arg1());
        } else if (f instanceof QOM.Atan x) {
            call1(r, "math::atan", x.$arg1());
        } else if (f instanceof QOM.Greatest<?> x) {
            r.sb.append("math::max([");
            r.fields(x.$arg1());
            r.sb.append("])");
        } else if (f instanceof QOM.Least<?> x) {
            r.sb.append("math::min([");
            r.fields(x.$arg1());
            r.sb.append("])");
        } else {
            return false;
        }
        return true;
    }

    // ================================================================================ date and time

    private static boolean temporal(Renderer r, Field<?> f) {
        if (f instanceof QOM.CurrentTimestamp<?> || f instanceof QOM.CurrentDate<?> || f instanceof QOM.CurrentTime<?>) {
            r.sb.append("time::now()");
        } else if (f instanceof QOM.Extract x) {
            extract(r, x.$field(), x.$datePart());
        } else {
            return false;
        }
        return true;
    }

    private static void extract(Renderer r, Field<?> d, DatePart part) {
        switch (part) {
            case YEAR -> call1(r, "time::year", d);
            case MONTH -> call1(r, "time::month", d);
            case DAY -> call1(r, "time::day", d);
            case HOUR -> call1(r, "time::hour", d);
            case MINUTE -> call1(r, "time::minute", d);
            case SECOND -> call1(r, "time::second", d);
            case DAY_OF_YEAR -> call1(r, "time::yday", d);
            case WEEK -> call1(r, "time::week", d);
            case ISO_DAY_OF_WEEK -> call1(r, "time::wday", d);
            case DAY_OF_WEEK -> {
                // SQL: 1 = Sunday … 7 = Saturday; time::wday: 1 = Monday … 7 = Sunday
                r.sb.append("(time::wday(");
                r.field(d);
                r.sb.append(") % 7 + 1)");
            }
            case EPOCH -> call1(r, "time::unix", d);
            case QUARTER -> {
                r.sb.append("math::ceil(time::month(");
                r.field(d);
                r.sb.append(") / 3)");
            }
            default -> throw UnsupportedSurrealQLException.of("EXTRACT(" + part + ")");
        }
    }

    private static void dateAdd(Renderer r, Field<?> d, Field<?> interval, DatePart part, boolean parens) {
        String unit = switch (part) {
            case WEEK -> "weeks";
            case DAY -> "days";
            case HOUR -> "hours";
            case MINUTE -> "mins";
            case SECOND -> "secs";
            case MILLISECOND -> "millis";
            case MICROSECOND -> "micros";
            case NANOSECOND -> "nanos";
            default -> throw new UnsupportedSurrealQLException("Adding " + part
                    + "S to a datetime cannot be rendered as SurrealQL (durations are fixed lengths; "
                    + "use days, hours, minutes or seconds)");
        };
        Field<?> amount = interval;
        boolean minus = false;
        if (interval instanceof QOM.Neg<?> n) {
            amount = n.$arg1();
            minus = true;
        }
        if (parens) {
            r.sb.append('(');
        }
        r.field(d);
        Long v = amount instanceof Param<?> p && !p.$inline() ? longValue(amount) : null;
        if (v != null && v < 0) {
            minus = !minus;
            r.sb.append(minus ? " - " : " + ").append(durationFrom(r.version, unit)).append('(');
            r.bind(-v);
        } else {
            r.sb.append(minus ? " - " : " + ").append(durationFrom(r.version, unit)).append('(');
            r.field(amount);
        }
        r.sb.append(')');
        if (parens) {
            r.sb.append(')');
        }
    }

    // ================================================================================ conditional

    private static boolean conditional(Renderer r, Field<?> f) {
        if (f instanceof QOM.Coalesce<?> x) {
            coalesce(r, x.$arg1());
        } else if (f instanceof QOM.Nvl<?> x) {
            coalesce(r, List.of(x.$arg1(), x.$arg2()));
        } else if (f instanceof QOM.Nvl2<?> x) {
            r.sb.append("(IF ");
            r.field(x.$arg1());
            r.sb.append(" IS NOT NONE AND ");
            r.field(x.$arg1());
            r.sb.append(" IS NOT NULL { ");
            r.field(x.$arg2());
            r.sb.append(" } ELSE { ");
            r.field(x.$arg3());
            r.sb.append(" })");
        } else if (f instanceof QOM.Nullif<?> x) {
            r.sb.append("(IF ");
            r.field(x.$arg1());
            r.sb.append(" = ");
            r.field(x.$arg2());
            r.sb.append(" { NULL } ELSE { ");
            r.field(x.$arg1());
            r.sb.append(" })");
        } else if (f instanceof QOM.Iif<?> x) {
            r.sb.append("(IF ");
            r.condition(x.$arg1(), 0);
            r.sb.append(" { ");
            r.field(x.$arg2());
            r.sb.append(" } ELSE { ");
            r.field(x.$arg3());
            r.sb.append(" })");
        } else if (f instanceof QOM.CaseSearched<?> x) {
            r.sb.append('(');
            List<? extends QOM.Tuple2<Condition, ? extends Field<?>>> when = x.$when();
            for (int i = 0; i < when.size(); i++) {
                r.sb.append(i == 0 ? "IF " : " ELSE IF ");
                r.condition(when.get(i).$1(), 0);
                r.sb.append(" { ");
                r.field(when.get(i).$2());
                r.sb.append(" }");
            }
            caseElse(r, x.$else());
        } else if (f instanceof QOM.CaseSimple<?, ?> x) {
            r.sb.append('(');
            List<? extends QOM.Tuple2<? extends Field<?>, ? extends Field<?>>> when = x.$when();
            for (int i = 0; i < when.size(); i++) {
                r.sb.append(i == 0 ? "IF " : " ELSE IF ");
                r.field(x.$value());
                r.sb.append(" = ");
                r.field(when.get(i).$1());
                r.sb.append(" { ");
                r.field(when.get(i).$2());
                r.sb.append(" }");
            }
            caseElse(r, x.$else());
        } else {
            return false;
        }
        return true;
    }

    private static void caseElse(Renderer r, Field<?> e) {
        r.sb.append(" ELSE { ");
        if (e == null) {
            r.sb.append("NULL");
        } else {
            r.field(e);
        }
        r.sb.append(" })");
    }

    /** {@code (a) ?? (b)}: NONE and NULL fall through, as in SQL's COALESCE. */
    private static void coalesce(Renderer r, List<? extends Field<?>> args) {
        r.sb.append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                r.sb.append(" ?? ");
            }
            r.sb.append('(');
            r.field(args.get(i));
            r.sb.append(')');
        }
        r.sb.append(')');
    }

    private static void cast(Renderer r, Field<?> f, DataType<?> type) {
        String t = switch (type.getSQLType()) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB,
                 Types.LONGNVARCHAR, Types.NCLOB -> "string";
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> "int";
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> "float";
            case Types.DECIMAL, Types.NUMERIC -> "decimal";
            case Types.BOOLEAN, Types.BIT -> "bool";
            case Types.TIMESTAMP, Types.DATE, Types.TIMESTAMP_WITH_TIMEZONE -> "datetime";
            default -> type.getType() == java.util.UUID.class ? "uuid" : null;
        };
        if (t == null) {
            throw UnsupportedSurrealQLException.of("CAST to " + type.getName());
        }
        if (type.getSQLType() == Types.DATE) {
            // a DATE has no time of day: the datetime at 00:00 UTC of its day (Metabase's "by day" buckets)
            r.sb.append("time::floor(<datetime>");
            r.field(f);
            r.sb.append(", 1d)");
            return;
        }
        r.sb.append('<').append(t).append('>');
        r.field(f);
    }

    // ================================================================================ arrays

    private static boolean array(Renderer r, Field<?> f) {
        if (f instanceof QOM.Array<?> x) {
            r.sb.append('[');
            r.fields(x.$elements());
            r.sb.append(']');
        } else if (f instanceof QOM.ArrayQuery<?> x) {
            // ARRAY(SELECT f FROM …): the subquery's values as a list
            r.subquery(x.$query(), false);
        } else if (f instanceof QOM.ArrayGet<?> x) {
            r.field(x.$arg1());
            r.sb.append('[');
            Long i = longValue(x.$arg2());
            if (i != null) {
                r.bind(i - 1);
            } else {
                r.sb.append('(');
                r.field(x.$arg2());
                r.sb.append(" - 1)");
            }
            r.sb.append(']');
        } else if (f instanceof QOM.Cardinality x) {
            call1(r, "array::len", x.$arg1());
        } else if (f instanceof QOM.ArrayConcat<?> x) {
            call2(r, "array::concat", x.$arg1(), x.$arg2());
        } else if (f instanceof QOM.ArrayAppend<?> x) {
            call2(r, "array::append", x.$arg1(), x.$arg2());
        } else if (f instanceof QOM.ArrayPrepend<?> x) {
            call2(r, "array::prepend", x.$arg2(), x.$arg1());
        } else if (f instanceof QOM.Uuid) {
            r.sb.append("rand::uuid()");
        } else {
            return false;
        }
        return true;
    }

    // ================================================================================ predicates

    /**
     * Renders a jOOQ predicate this class knows (negated when {@code negate}, keeping NONE / NULL values out as SQL
     * does); false otherwise.
     */
    static boolean condition(Renderer r, Condition c, int ctx, boolean negate) {
        if (c instanceof QOM.Like x) {
            like(r, x.$value(), x.$pattern(), x.$escape(), negate, false);
        } else if (c instanceof QOM.NotLike x) {
            like(r, x.$value(), x.$pattern(), x.$escape(), !negate, false);
        } else if (c instanceof QOM.LikeIgnoreCase x) {
            like(r, x.$value(), x.$pattern(), x.$escape(), negate, true);
        } else if (c instanceof QOM.NotLikeIgnoreCase x) {
            like(r, x.$value(), x.$pattern(), x.$escape(), !negate, true);
        } else if (c instanceof QOM.Contains<?> x) {
            contains(r, x.$arg1(), x.$arg2(), false, negate);
        } else if (c instanceof QOM.ContainsIgnoreCase<?> x) {
            contains(r, x.$arg1(), x.$arg2(), true, negate);
        } else if (c instanceof QOM.StartsWith<?> x) {
            stringPredicate(r, "string::starts_with", x.$arg1(), x.$arg2(), false, negate);
        } else if (c instanceof QOM.StartsWithIgnoreCase<?> x) {
            stringPredicate(r, "string::starts_with", x.$arg1(), x.$arg2(), true, negate);
        } else if (c instanceof QOM.EndsWith<?> x) {
            stringPredicate(r, "string::ends_with", x.$arg1(), x.$arg2(), false, negate);
        } else if (c instanceof QOM.EndsWithIgnoreCase<?> x) {
            stringPredicate(r, "string::ends_with", x.$arg1(), x.$arg2(), true, negate);
        } else if (c instanceof QOM.RegexpLike x) {
            stringPredicate(r, "string::matches", x.$search(), x.$pattern(), false, negate);
        } else if (c instanceof QOM.IsDistinctFrom<?> x) {
            // SurrealQL's != already treats NONE and NULL as values, like IS DISTINCT FROM
            rawCompare(r, x.$arg1(), negate ? " = " : " != ", x.$arg2());
        } else if (c instanceof QOM.IsNotDistinctFrom<?> x) {
            rawCompare(r, x.$arg1(), negate ? " != " : " = ", x.$arg2());
        } else if (c instanceof QOM.RowEq<?> || c instanceof QOM.RowNe<?> || c instanceof QOM.RowGt<?>
                || c instanceof QOM.RowGe<?> || c instanceof QOM.RowLt<?> || c instanceof QOM.RowLe<?>
                || c instanceof QOM.RowIsNull || c instanceof QOM.RowIsNotNull || c instanceof QOM.RowOverlaps) {
            throw UnsupportedSurrealQLException.relational("A row value expression (a, b) …");
        } else {
            return false;
        }
        return true;
    }

    private static void rawCompare(Renderer r, Field<?> a, String op, Field<?> b) {
        r.field(a);
        r.sb.append(op);
        r.field(b);
    }

    private static void contains(Renderer r, Field<?> a, Field<?> b, boolean ci, boolean negate) {
        if (a.getDataType().isArray()) {
            if (negate) {
                r.sb.append('!');
            }
            r.sb.append('(');
            r.field(a);
            r.sb.append(" CONTAINS ");
            r.field(b);
            r.sb.append(')');
            return;
        }
        stringPredicate(r, "string::contains", a, b, ci, negate);
    }

    /** {@code (type::is_string(a) AND fn(a, b))}, lower-casing both sides when {@code ci}. */
    private static void stringPredicate(Renderer r, String fn, Field<?> a, Field<?> b, boolean ci, boolean negate) {
        boolean guard = !Renderer.isStringValue(a);
        r.sb.append('(');
        if (guard) {
            r.sb.append(isString(r.version)).append('(');
            r.field(a);
            r.sb.append(") AND ");
        }
        if (negate) {
            r.sb.append('!');
        }
        r.sb.append(fn).append('(');
        lowered(r, a, ci);
        r.sb.append(", ");
        lowered(r, b, ci);
        r.sb.append("))");
    }

    private static void lowered(Renderer r, Field<?> f, boolean ci) {
        if (!ci) {
            r.field(f);
        } else if (f instanceof Param<?> p && !p.$inline() && p.getValue() instanceof String s) {
            r.bind(s.toLowerCase(Locale.ROOT));
        } else {
            r.sb.append("string::lowercase(");
            r.field(f);
            r.sb.append(')');
        }
    }

    private static final int EXACT = 0;
    private static final int PREFIX = 1;
    private static final int SUFFIX = 2;
    private static final int INFIX = 3;
    private static final int REGEX = 4;
    private static final int ANY = 5;

    /**
     * SQL's LIKE over a pattern value: {@code =}, {@code string::starts_with}, {@code string::ends_with},
     * {@code string::contains}, or {@code string::matches} with the pattern translated to a regular expression
     * (bound as a parameter). NULL/NONE values never match, as in SQL.
     */
    private static void like(Renderer r, Field<?> v, Field<String> pattern, Character escape, boolean not, boolean ci) {
        if (!(pattern instanceof Param<?> p) || !(p.getValue() instanceof String pat)) {
            if (r.joins != null && escape == null && (pattern instanceof Param<?> pp
                    && pp.getValue() instanceof ParameterMarker || !(pattern instanceof Param<?>))) {
                // SQL translation only (the jOOQ dialect keeps refusing: bind a pattern value there)
                runtimeLike(r, v, pattern, not, ci);
                return;
            }
            throw new UnsupportedSurrealQLException("LIKE with a pattern that is not a value cannot be rendered as "
                    + "SurrealQL (use string::matches through SurrealDSL.function)");
        }
        char esc = escape == null ? 0 : escape;
        // analyze: literal text between leading/trailing %, and whether other wildcards occur
        StringBuilder lit = new StringBuilder(pat.length());
        boolean leading = false;
        boolean trailing = false;
        boolean inner = false;
        boolean anyLiteral = false;
        int n = pat.length();
        for (int i = 0; i < n; i++) {
            char ch = pat.charAt(i);
            if (esc != 0 && ch == esc && i + 1 < n) {
                lit.append(pat.charAt(++i));
                anyLiteral = true;
                if (trailing) {
                    inner = true;
                }
            } else if (ch == '%') {
                if (!anyLiteral) {
                    leading = true;
                } else {
                    trailing = true;
                }
            } else if (ch == '_') {
                inner = true;
            } else {
                if (trailing) {
                    inner = true;
                }
                lit.append(ch);
                anyLiteral = true;
            }
        }
        int kind;
        if (!anyLiteral && !inner) {
            kind = leading ? ANY : EXACT;
        } else if (inner) {
            kind = REGEX;
        } else if (leading && trailing) {
            kind = INFIX;
        } else if (leading) {
            kind = SUFFIX;
        } else if (trailing) {
            kind = PREFIX;
        } else {
            kind = EXACT;
        }
        boolean guard = !Renderer.isStringValue(v);
        r.sb.append('(');
        if (guard) {
            r.sb.append(isString(r.version)).append('(');
            r.field(v);
            r.sb.append(')');
            if (kind == ANY) {
                r.sb.append(not ? " AND false)" : ")");
                return;
            }
            r.sb.append(" AND ");
        } else if (kind == ANY) {
            r.sb.append(not ? "false)" : "true)");
            return;
        }
        if (not) {
            r.sb.append('!');
        }
        String text = ci ? lit.toString().toLowerCase(Locale.ROOT) : lit.toString();
        switch (kind) {
            case EXACT -> {
                r.sb.append('(');
                lowered(r, v, ci);
                r.sb.append(" = ");
                r.bind(text);
                r.sb.append(')');
            }
            case PREFIX, SUFFIX, INFIX -> {
                r.sb.append(kind == PREFIX ? "string::starts_with(" : kind == SUFFIX ? "string::ends_with("
                        : "string::contains(");
                lowered(r, v, ci);
                r.sb.append(", ");
                r.bind(text);
                r.sb.append(')');
            }
            default -> {
                r.sb.append("string::matches(");
                r.field(v);
                r.sb.append(", ");
                r.bind(likeToRegex(pat, esc, ci));
                r.sb.append(')');
            }
        }
        r.sb.append(')');
    }

    /**
     * LIKE whose pattern is known only when the statement runs (a JDBC parameter of a translated statement, an
     * expression such as {@code CONCAT('%', ?, '%')}): the server turns the pattern into a regular expression, one
     * character at a time ({@code %} → {@code .*}, {@code _} → {@code .}, regex metacharacters escaped).
     */
    private static void runtimeLike(Renderer r, Field<?> v, Field<?> pattern, boolean not, boolean ci) {
        r.sb.append('(').append(isString(r.version)).append('(');
        r.field(v);
        r.sb.append(") AND ");
        if (not) {
            r.sb.append('!');
        }
        r.sb.append("string::matches(");
        r.field(v);
        r.sb.append(", ").append(ci ? "'(?is)^' + " : "'(?s)^' + ");
        r.sb.append("array::join(array::map(string::split(<string>(");
        r.field(pattern);
        r.sb.append("), ''), |$c| IF $c = '%' { '.*' } ELSE IF $c = '_' { '.' } ELSE IF string::contains(");
        Idents.string(r.sb, "\\.^$|?*+()[]{}/-");
        r.sb.append(", $c) AND $c != '' { ");
        Idents.string(r.sb, "\\");
        r.sb.append(" + $c } ELSE { $c }), '') + '$'))");
    }

    /** A LIKE pattern as an anchored regular expression. */
    static String likeToRegex(String pat, char esc, boolean ci) {
        StringBuilder re = new StringBuilder(pat.length() + 12);
        re.append(ci ? "(?is)^" : "(?s)^");
        for (int i = 0, n = pat.length(); i < n; i++) {
            char ch = pat.charAt(i);
            if (esc != 0 && ch == esc && i + 1 < n) {
                regexLiteral(re, pat.charAt(++i));
            } else if (ch == '%') {
                re.append(".*");
            } else if (ch == '_') {
                re.append('.');
            } else {
                regexLiteral(re, ch);
            }
        }
        return re.append('$').toString();
    }

    private static void regexLiteral(StringBuilder re, char ch) {
        if ("\\.^$|?*+()[]{}/-".indexOf(ch) >= 0) {
            re.append('\\');
        }
        re.append(ch);
    }
}
