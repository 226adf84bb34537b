package com.socketworkbench.ui.fx;

import com.socketworkbench.app.FxWatchdog;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.stream.IntStream;

import static com.socketworkbench.app.AppDriver.fx;
import static com.socketworkbench.app.AppDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A table over a full {@link RingObservableList} keeps its rows filled when a batch replaces every element (as a
 * flood's spaced-out table update does): a table that took it for a new list would rebuild its cells, each going
 * empty and back, which restyles them and makes JavaFX repaint the whole window.
 */
@ExtendWith({ApplicationExtension.class, FxWatchdog.Extension.class})
@Timeout(60)
class RingTableFxTest {
    private static final int CAPACITY = 1_000;

    private final RingObservableList<Integer> list = new RingObservableList<>(CAPACITY);
    private final int[] rowsEmptied = {0};
    private TableView<Integer> table;

    @Start
    void start(Stage stage) {
        list.addAll(range(0, CAPACITY));
        table = new TableView<>(list);
        table.setFixedCellSize(24);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                if (empty) {
                    rowsEmptied[0]++;
                }
            }
        });
        TableColumn<Integer, Integer> value = new TableColumn<>("value");
        value.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        table.getColumns().add(value);
        stage.setScene(new Scene(table, 300, 200));
        stage.show();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void replacingEveryElementLeavesNoRowEmptyOnTheWay() {
        WaitForAsyncUtils.waitForFxEvents(3);
        int before = fx(() -> rowsEmptied[0]);

        fxRun(() -> list.dropOldestAndAppend(CAPACITY, range(CAPACITY, 2 * CAPACITY)));
        WaitForAsyncUtils.waitForFxEvents(3);

        assertEquals(before, fx(() -> rowsEmptied[0]), "no row went empty");
        List<Integer> shown = fx(() -> table.lookupAll(".table-row-cell").stream()
                .map(node -> (Integer) ((TableRow<?>) node).getItem()).filter(item -> item != null).sorted().toList());
        assertEquals(CAPACITY, shown.getFirst(), "the rows show the new elements: " + shown);
    }
}
