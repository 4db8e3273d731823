package dev.surrealj.cbor;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The decoder's map of a few entries (SurrealDB records and statement results): immutable,
 * insertion-ordered, keys and values side by side in ONE array, looked up by scanning. For up to
 * {@link #MAX} entries this is cheaper to build and to read than a {@code LinkedHashMap} (a table,
 * an entry object per key) behind an {@code unmodifiableMap} wrapper. Equality and hash code follow
 * {@link Map}; every mutator throws {@link UnsupportedOperationException}. Keys are non-null strings.
 */
final class SmallMap extends AbstractMap<String, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The largest map built this way. */
    static final int MAX = 16;

    /** key 0, value 0, key 1, value 1, … */
    private final Object[] kv;
    private int size;

    /** An empty map with room for {@code capacity} (at most {@link #MAX}) entries; filled by {@link #add}. */
    SmallMap(int capacity) {
        kv = new Object[2 * capacity];
    }

    /** Adds an entry while decoding; a repeated key keeps its position and takes the new value. */
    void add(String key, Object value) {
        for (int i = 0; i < 2 * size; i += 2) {
            if (key.equals(kv[i])) {
                kv[i + 1] = value;
                return;
            }
        }
        kv[2 * size] = key;
        kv[2 * size + 1] = value;
        size++;
    }

    private int indexOf(Object key) {
        if (key == null) {
            return -1;
        }
        // the parser canonicalizes keys: the rows of one answer share their key instances, and a
        // ResultSet's column labels are those instances, so an identity pass usually finds the key
        for (int i = 0; i < 2 * size; i += 2) {
            if (kv[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < 2 * size; i += 2) {
            if (key.equals(kv[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : kv[i + 1];
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        int i = indexOf(key);
        return i < 0 ? defaultValue : kv[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < 2 * size; i += 2) {
            action.accept((String) kv[i], kv[i + 1]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < 2 * size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= 2 * size) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>((String) kv[i], kv[i + 1]);
                        i += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    // ------------------------------------------------------------------ immutable

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("decoded SurrealDB objects are immutable");
    }

    @Override
    public Object put(String key, Object value) {
        throw immutable();
    }

    @Override
    public Object remove(Object key) {
        throw immutable();
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
        throw immutable();
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        throw immutable();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw immutable();
    }

    @Override
    public boolean replace(String key, Object oldValue, Object newValue) {
        throw immutable();
    }

    @Override
    public Object replace(String key, Object value) {
        throw immutable();
    }

    @Override
    public Object computeIfAbsent(String key, Function<? super String, ?> mappingFunction) {
        throw immutable();
    }

    @Override
    public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        throw immutable();
    }

    @Override
    public Object compute(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        throw immutable();
    }

    @Override
    public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        throw immutable();
    }
}
