package dev.surrealj.cbor;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Comparator;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The decoder's list of a declared length: immutable, over ONE exactly sized array (no
 * {@code ArrayList} and {@code unmodifiableList} wrapper). Equality and hash code follow
 * {@link java.util.List}; every mutator throws {@link UnsupportedOperationException}.
 */
final class SmallList extends AbstractList<Object> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;

    private final Object[] items;

    /** Takes {@code items} as they are: the caller hands the array over. */
    SmallList(Object[] items) {
        this.items = items;
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Object[] toArray() {
        return items.clone();
    }

    @Override
    public int indexOf(Object o) {
        for (int i = 0; i < items.length; i++) {
            if (o == null ? items[i] == null : o.equals(items[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    // ------------------------------------------------------------------ immutable (always, even when a no-op)

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("decoded SurrealDB arrays are immutable");
    }

    @Override
    public boolean add(Object o) {
        throw immutable();
    }

    @Override
    public void add(int index, Object element) {
        throw immutable();
    }

    @Override
    public Object set(int index, Object element) {
        throw immutable();
    }

    @Override
    public Object remove(int index) {
        throw immutable();
    }

    @Override
    public boolean remove(Object o) {
        throw immutable();
    }

    @Override
    public boolean addAll(Collection<?> c) {
        throw immutable();
    }

    @Override
    public boolean addAll(int index, Collection<?> c) {
        throw immutable();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        throw immutable();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        throw immutable();
    }

    @Override
    public boolean removeIf(Predicate<? super Object> filter) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    public void sort(Comparator<? super Object> c) {
        throw immutable();
    }

    @Override
    public void replaceAll(UnaryOperator<Object> operator) {
        throw immutable();
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
        throw immutable();
    }
}
