package com.socketworkbench.ui.fx;

import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingObservableListTest {

    /** One recorded change: "+from..to [added]" or "-from [removed]". */
    private static List<String> record(RingObservableList<Integer> list) {
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<Integer>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    changes.add("-" + change.getFrom() + ".." + change.getTo() + " " + change.getRemoved());
                }
                if (change.wasAdded()) {
                    changes.add("+" + change.getFrom() + ".." + change.getTo() + " " + change.getAddedSubList());
                }
            }
        });
        return changes;
    }

    private static List<Integer> range(int fromInclusive, int toExclusive) {
        return IntStream.range(fromInclusive, toExclusive).boxed().toList();
    }

    @Test
    void dropOldestAndAppendFiresOneChangeWithBothParts() {
        RingObservableList<Integer> list = new RingObservableList<>(5);
        list.addAll(range(1, 6));
        int[] changes = {0};
        list.addListener((ListChangeListener<Integer>) change -> changes[0]++);
        List<String> parts = record(list);

        list.dropOldestAndAppend(2, List.of(6, 7));

        assertEquals(List.of(3, 4, 5, 6, 7), list);
        assertEquals(1, changes[0]);
        assertEquals(List.of("-0..0 [1, 2]", "+3..5 [6, 7]"), parts);
    }

    @Test
    void aBatchReplacingEveryElementComesAsTwoChangesNeitherRemovingAllNorReplacing() {
        RingObservableList<Integer> list = new RingObservableList<>(5);
        list.addAll(range(1, 6));
        List<String> parts = record(list);
        List<int[]> sizes = new ArrayList<>();
        list.addListener((ListChangeListener<Integer>) change -> {
            while (change.next()) {
                sizes.add(new int[] {change.getRemovedSize(), change.wasReplaced() ? 1 : 0});
            }
        });

        list.dropOldestAndAppend(5, List.of(6, 7, 8, 9, 10));

        assertEquals(List.of(6, 7, 8, 9, 10), list);
        assertEquals(List.of("-0..0 [1, 2, 3, 4]", "+1..5 [6, 7, 8, 9]", "-0..0 [5]", "+4..5 [10]"), parts);
        for (int[] part : sizes) {
            assertEquals(0, part[1], "no part is a replacement");
            // A table compares a change's removed size with the rows it had: never all of them.
            assertTrue(part[0] < 5, "removes fewer than all five: " + part[0]);
        }
    }

    @Test
    void readsInOrderAcrossTheWrapAround() {
        RingObservableList<Integer> list = new RingObservableList<>(5);
        list.addAll(range(1, 6));
        list.removeFirst(3);
        list.addAll(List.of(6, 7, 8));

        assertEquals(5, list.size());
        assertEquals(List.of(4, 5, 6, 7, 8), list);
        assertEquals(4, list.get(0));
        assertEquals(8, list.get(4));
        assertEquals(4, list.getFirst());
        assertEquals(8, list.getLast());
        assertEquals(List.of(4, 5, 6, 7, 8), new ArrayList<>(list));
        assertEquals(List.of(4, 5, 6, 7, 8), list.stream().toList());
        assertArrayEquals(new Object[]{4, 5, 6, 7, 8}, list.toArray());
        assertArrayEquals(new Integer[]{4, 5, 6, 7, 8}, list.toArray(new Integer[0]));
        Integer[] roomy = {0, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(new Integer[]{4, 5, 6, 7, 8, null, 0}, list.toArray(roomy));
        assertEquals(3, list.indexOf(7));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(5));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
    }

    @Test
    void growsOnDemandWithoutLosingAWrappedOrder() {
        RingObservableList<Integer> list = new RingObservableList<>(1_000);
        list.addAll(range(0, 16));
        list.removeFirst(10);
        list.addAll(range(16, 24));
        list.addAll(range(24, 29));

        assertEquals(range(10, 29), list);
        list.addAll(range(29, 1_010));
        assertEquals(range(10, 1_010), list);
        assertEquals(1_000, list.size());
    }

    @Test
    void removingTheOldestFiresOneChangeListingThem() {
        RingObservableList<Integer> list = new RingObservableList<>(4);
        list.addAll(range(0, 4));
        list.removeFirst(2);
        list.addAll(List.of(4, 5));
        List<String> changes = record(list);

        list.removeFirst(3);

        assertEquals(List.of("-0..0 [2, 3, 4]"), changes);
        assertEquals(List.of(5), list);
    }

    @Test
    void appendingFiresOneAddChange() {
        RingObservableList<Integer> list = new RingObservableList<>(10);
        list.addAll(List.of(1, 2));
        List<String> changes = record(list);

        list.addAll(List.of(3, 4, 5));
        list.add(6);
        assertTrue(!list.addAll(List.of()), "an empty append changes nothing");

        assertEquals(List.of("+2..5 [3, 4, 5]", "+5..6 [6]"), changes);
    }

    @Test
    void clearFiresOneChangeAndTheListFillsAgain() {
        RingObservableList<Integer> list = new RingObservableList<>(20);
        list.addAll(range(0, 20));
        list.removeFirst(15);
        list.addAll(range(20, 30));
        List<String> changes = record(list);

        list.clear();
        list.clear();

        assertEquals(List.of("-0..0 " + range(15, 30)), changes);
        assertTrue(list.isEmpty());
        list.addAll(range(0, 20));
        assertEquals(range(0, 20), list);
    }

    @Test
    void aFullListRefusesMoreUntilTheOldestAreRemoved() {
        RingObservableList<Integer> list = new RingObservableList<>(3);
        list.addAll(List.of(1, 2, 3));
        List<String> changes = record(list);

        assertThrows(IllegalStateException.class, () -> list.add(4));
        assertThrows(IllegalStateException.class, () -> new RingObservableList<Integer>(2).addAll(List.of(1, 2, 3)));
        assertEquals(List.of(1, 2, 3), list);
        assertEquals(List.of(), changes);

        list.removeFirst(1);
        list.add(4);
        assertEquals(List.of(2, 3, 4), list);

        RingObservableList<Integer> single = new RingObservableList<>(1);
        for (int i = 0; i < 5; i++) {
            single.removeFirst(single.size());
            single.add(i);
        }
        assertEquals(List.of(4), single);
        assertThrows(IllegalArgumentException.class, () -> new RingObservableList<Integer>(0));
    }

    @Test
    void onlyTheOldestCanBeRemoved() {
        RingObservableList<Integer> list = new RingObservableList<>(10);
        list.addAll(range(0, 6));

        assertThrows(UnsupportedOperationException.class, () -> list.set(0, 9));
        assertThrows(UnsupportedOperationException.class, () -> list.add(0, 9));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(2));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(1, 3));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(Integer.valueOf(3)));
        assertThrows(UnsupportedOperationException.class, () -> list.setAll(1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> list.removeFirst(7));
        assertThrows(IndexOutOfBoundsException.class, () -> list.removeFirst(-1));
        assertEquals(range(0, 6), list);

        list.remove(0, 2);
        list.subList(0, 1).clear();
        assertEquals(3, list.removeFirst());
        assertEquals(List.of(4, 5), list);
    }

    @Test
    void filteredAndSortedViewsStayConsistentAcrossManyWrapArounds() {
        int capacity = 100;
        RingObservableList<Integer> list = new RingObservableList<>(capacity);
        FilteredList<Integer> even = new FilteredList<>(list, value -> value % 2 == 0);
        SortedList<Integer> newestFirst = new SortedList<>(list, Comparator.reverseOrder());
        SortedList<Integer> evenByLastDigit = new SortedList<>(even,
                Comparator.comparingInt((Integer value) -> value % 10).thenComparing(Comparator.naturalOrder()));
        List<Integer> mirror = new ArrayList<>();
        list.addListener((ListChangeListener<Integer>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    int from = change.getFrom();
                    List<Integer> removed = mirror.subList(from, from + change.getRemovedSize());
                    assertEquals(removed, change.getRemoved());
                    removed.clear();
                }
                if (change.wasAdded()) {
                    mirror.addAll(change.getFrom(), change.getAddedSubList());
                }
            }
        });

        List<Integer> model = new ArrayList<>();
        Random random = new Random(20_261_127);
        int next = 0;
        for (int step = 0; step < 5_000; step++) {
            if (random.nextInt(200) == 0) {
                list.clear();
                model.clear();
            } else {
                int append = 1 + random.nextInt(30);
                int optional = random.nextInt(4) == 0 ? random.nextInt(model.size() + 1) : 0;
                int trim = Math.max(model.size() + append - capacity, optional);
                List<Integer> batch = range(next, next + append);
                next += append;
                if (random.nextBoolean()) {
                    list.dropOldestAndAppend(trim, batch);
                } else {
                    list.removeFirst(trim);
                    list.addAll(batch);
                }
                model.subList(0, trim).clear();
                model.addAll(batch);
            }

            assertEquals(model, list, "step " + step);
            assertEquals(model, mirror, "step " + step);
            assertEquals(model.stream().filter(value -> value % 2 == 0).toList(), even, "step " + step);
            assertEquals(model.stream().sorted(Comparator.reverseOrder()).toList(), newestFirst, "step " + step);
            List<Integer> expectedEvenByLastDigit = model.stream().filter(value -> value % 2 == 0)
                    .sorted(evenByLastDigit.getComparator()).toList();
            assertEquals(expectedEvenByLastDigit, evenByLastDigit, "step " + step);
        }
        assertTrue(next > 50 * capacity, "the ring wrapped around many times");
    }
}
