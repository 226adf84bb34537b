package com.socketworkbench.ui.fx;

import javafx.collections.ObservableListBase;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A bounded observable list that only grows at the end and shrinks from the front, held in a ring so dropping the
 * oldest n elements costs O(n) instead of shifting every remaining element. {@code FXCollections.observableArrayList}
 * removes a range one element at a time (each shifting the whole array), which made trimming a full 50,000-row
 * timeline the dominant cost of every pulse under a flood.
 *
 * <p>Each {@link #addAll(Collection)}, {@link #removeFirst(int)}, {@link #dropOldestAndAppend(int, Collection)} and
 * {@link #clear()} fires exactly one change, but for a {@code dropOldestAndAppend} that replaces every element (two,
 * see there).
 * Everything else that would modify the list (insert or set at an index, remove from the middle) throws
 * {@link UnsupportedOperationException}: views such as {@code FilteredList}, {@code SortedList} and {@code TableView}
 * only read and listen. The backing array grows on demand up to the capacity, so an idle list stays small.
 *
 * <p>Not thread-safe; FX thread only once bound to a control.
 */
public final class RingObservableList<E> extends ObservableListBase<E> {
    private static final int INITIAL_SLOTS = 16;

    private final int capacity;
    private Object[] ring;
    private int head;
    private int size;

    public RingObservableList(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.ring = new Object[Math.min(capacity, INITIAL_SLOTS)];
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " out of 0.." + size);
        }
        return (E) ring[slot(index)];
    }

    private int slot(int index) {
        int slot = head + index;
        return slot >= ring.length ? slot - ring.length : slot;
    }

    /**
     * Appends all elements at the end, firing one add change.
     *
     * @throws IllegalStateException when they would not fit; callers trim with {@link #removeFirst(int)} first
     */
    @Override
    public boolean addAll(Collection<? extends E> elements) {
        int count = elements.size();
        if (count == 0) {
            return false;
        }
        if (count > capacity - size) {
            throw new IllegalStateException(
                    count + " elements do not fit: " + size + " of " + capacity + " slots are taken");
        }
        Object[] added = elements.toArray();
        if (added.length != count) {
            throw new IllegalStateException("the collection changed while it was added");
        }
        ensureSlots(size + count);
        int from = size;
        // Whole ranges rather than an element at a time: a flood's update adds up to the capacity at once, and in
        // the first seconds the compiler has not compiled this yet.
        int tail = slot(size);
        int firstPart = Math.min(count, ring.length - tail);
        System.arraycopy(added, 0, ring, tail, firstPart);
        System.arraycopy(added, firstPart, ring, 0, count - firstPart);
        size += count;
        modCount++;
        beginChange();
        nextAdd(from, size);
        endChange();
        return true;
    }

    @Override
    public boolean add(E element) {
        return addAll(Collections.singletonList(element));
    }

    private void ensureSlots(int needed) {
        if (needed <= ring.length) {
            return;
        }
        int length = (int) Math.min(capacity, Math.max(needed, 2L * ring.length));
        Object[] grown = new Object[length];
        int firstPart = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, grown, 0, firstPart);
        System.arraycopy(ring, 0, grown, firstPart, size - firstPart);
        ring = grown;
        head = 0;
    }

    /** Drops the oldest {@code count} elements, firing one remove change that lists them. */
    public void removeFirst(int count) {
        if (count < 0 || count > size) {
            throw new IndexOutOfBoundsException("cannot remove " + count + " of " + size + " elements");
        }
        if (count == 0) {
            return;
        }
        Object[] removed = new Object[count];
        int firstPart = Math.min(count, ring.length - head);
        System.arraycopy(ring, head, removed, 0, firstPart);
        System.arraycopy(ring, 0, removed, firstPart, count - firstPart);
        // Released at once, so a trimmed payload can be collected while the list is still full.
        Arrays.fill(ring, head, head + firstPart, null);
        Arrays.fill(ring, 0, count - firstPart, null);
        head = slot(count);
        size -= count;
        modCount++;
        beginChange();
        nextRemove(0, removedView(removed));
        endChange();
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> removedView(Object[] removed) {
        return Collections.unmodifiableList((List<E>) Arrays.asList(removed));
    }

    /**
     * Drops the oldest {@code drop} elements and appends {@code elements}, firing a single change with both parts,
     * so a bound table lays itself out once per batch rather than once for the trim and again for the append (and a
     * follow-scroll in between would see the shrunken list).
     *
     * <p>Except when the batch replaces every element: then two changes, the first keeping the newest old element
     * and the second dropping it. A {@code TableView} takes a change that removes all its items (or replaces items
     * in place) for a new list and rebuilds every cell; the new cells' first styling then makes JavaFX repaint the
     * whole window in the next pulse. Under a flood whose table updates are spaced out (a second apart when frames
     * run late) each update replaced all 50,000 rows, and that rebuild and repaint made the late frames.
     */
    public void dropOldestAndAppend(int drop, Collection<? extends E> elements) {
        int count = elements.size();
        if (drop > 1 && drop == size && count > 1) {
            List<? extends E> batch = elements instanceof List<? extends E> list ? list : List.copyOf(elements);
            dropAndAppendInOneChange(drop - 1, batch.subList(0, count - 1));
            dropAndAppendInOneChange(1, batch.subList(count - 1, count));
            return;
        }
        dropAndAppendInOneChange(drop, elements);
    }

    private void dropAndAppendInOneChange(int drop, Collection<? extends E> elements) {
        beginChange();
        try {
            removeFirst(drop);
            addAll(elements);
        } finally {
            endChange();
        }
    }

    /** Removes and returns the oldest element, firing one remove change. */
    @Override
    public E removeFirst() {
        if (size == 0) {
            throw new NoSuchElementException("the list is empty");
        }
        E first = get(0);
        removeFirst(1);
        return first;
    }

    /**
     * Backs {@code remove(from, to)} and {@code subList(from, to).clear()}: a range at the front is dropped like
     * {@link #removeFirst(int)}; any other range is unsupported.
     */
    @Override
    protected void removeRange(int from, int to) {
        if (from != 0) {
            throw new UnsupportedOperationException("only the oldest elements can be removed, not from index " + from);
        }
        removeFirst(to);
    }

    @Override
    public void clear() {
        if (size == 0) {
            return;
        }
        removeFirst(size);
        head = 0;
        if (ring.length > INITIAL_SLOTS) {
            ring = new Object[Math.min(capacity, INITIAL_SLOTS)];
        }
    }

    @Override
    public Object[] toArray() {
        Object[] copy = new Object[size];
        int firstPart = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, copy, 0, firstPart);
        System.arraycopy(ring, 0, copy, firstPart, size - firstPart);
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T[] toArray(T[] target) {
        T[] result = target.length >= size ? target : Arrays.copyOf(target, size);
        int firstPart = Math.min(size, ring.length - head);
        System.arraycopy(ring, head, result, 0, firstPart);
        System.arraycopy(ring, 0, result, firstPart, size - firstPart);
        if (result.length > size) {
            result[size] = null;
        }
        return result;
    }
}
