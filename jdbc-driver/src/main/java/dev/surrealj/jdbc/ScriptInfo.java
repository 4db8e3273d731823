package dev.surrealj.jdbc;

import dev.surrealj.jdbc.Placeholders.StatementKind;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the text of a script tells before it runs: the {@link StatementKind} of each statement, the
 * {@link SelectInfo} of each {@code SELECT} (column order, source table), and whether it changes the
 * schema or the session's namespace/database.
 *
 * <p>{@link #of(String)} keeps the analyses of the last {@value #CACHE_SIZE} texts (up to
 * {@value #MAX_CACHED_LENGTH} characters) in a small LRU shared by all connections, so a statement run
 * again and again is lexed once; a prepared statement keeps its own.
 */
final class ScriptInfo {
    static final int CACHE_SIZE = 256;
    static final int MAX_CACHED_LENGTH = 8192;

    private static final Map<String, ScriptInfo> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ScriptInfo> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    /** A script that could not be read (unterminated input): nothing known. */
    static final ScriptInfo UNKNOWN = new ScriptInfo(List.of(), List.of(), false, false);

    private final List<StatementKind> kinds;
    private final List<SelectInfo> selects;
    private final boolean containsUse;
    private final boolean changesSchema;

    private ScriptInfo(List<StatementKind> kinds, List<SelectInfo> selects, boolean containsUse,
                       boolean changesSchema) {
        this.kinds = kinds;
        this.selects = selects;
        this.containsUse = containsUse;
        this.changesSchema = changesSchema;
    }

    /** The analysis of {@code surql}, from the cache when it was seen lately. */
    static ScriptInfo of(String surql) {
        if (surql.length() > MAX_CACHED_LENGTH) {
            return analyze(surql);
        }
        ScriptInfo info = CACHE.get(surql);
        if (info == null) {
            info = analyze(surql);
            CACHE.put(surql, info);
        }
        return info;
    }

    /** Statements of known kinds and no text (e.g. the {@code RETURN fn::x(…)} of a call escape). */
    static ScriptInfo ofKinds(List<StatementKind> kinds) {
        List<SelectInfo> none = Collections.nCopies(kinds.size(), null);
        return new ScriptInfo(List.copyOf(kinds), none, false, kinds.contains(StatementKind.DDL));
    }

    static ScriptInfo analyze(String surql) {
        List<String> statements;
        try {
            statements = Placeholders.splitStatements(surql);
        } catch (SQLException e) {
            return UNKNOWN; // unterminated input: the server will say what is wrong
        }
        List<StatementKind> kinds = new ArrayList<>(statements.size());
        List<SelectInfo> selects = new ArrayList<>(statements.size());
        boolean use = false;
        boolean ddl = false;
        for (String s : statements) {
            String keyword = Placeholders.leadingKeyword(s);
            StatementKind k = Placeholders.statementKind(s);
            kinds.add(k);
            use |= keyword.equals("USE");
            ddl |= k == StatementKind.DDL;
            selects.add(keyword.equals("SELECT") ? SelectInfo.analyze(s) : null);
        }
        return new ScriptInfo(Collections.unmodifiableList(kinds), Collections.unmodifiableList(selects), use, ddl);
    }

    /** The kinds of the statements, in order; empty when the script cannot be split. */
    List<StatementKind> kinds() {
        return kinds;
    }

    /** The {@link SelectInfo} of statement {@code i} (0-based), {@code null} when it is not a readable SELECT. */
    SelectInfo select(int i) {
        return selects.get(i);
    }

    /** Whether the script has a {@code USE} statement. */
    boolean containsUse() {
        return containsUse;
    }

    /** Whether the script has a {@code DEFINE}, {@code REMOVE}, {@code ALTER} or {@code REBUILD} statement. */
    boolean changesSchema() {
        return changesSchema;
    }

    /** Drops the cached analyses (tests). */
    static void clearCache() {
        CACHE.clear();
    }
}
