package com.socketworkbench.ui.stream;

import com.socketworkbench.engine.options.ConnectionDetails;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What one socket is (root id {@code connectionDetails}): address family, socket type, local address
 * (getsockname), remote address (getpeername) and its main options, from the engine's {@link ConnectionDetails}.
 * The subject line ({@code detailsSubject}) says which socket; with none the placeholder explains what to do.
 */
public final class ConnectionDetailsPane {
    private final Label subject = new Label();
    private final GridPane grid = new GridPane();
    private final VBox root;
    private final String placeholder;

    /** @param placeholder shown while there is no socket, e.g. "Select a client to see its connection" */
    public ConnectionDetailsPane(String placeholder) {
        this.placeholder = placeholder;
        subject.setId("detailsSubject");
        subject.getStyleClass().add("muted-label");
        subject.setWrapText(true);
        grid.getStyleClass().add("details-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(label, value);
        root = new VBox(6, subject, grid);
        root.setId("connectionDetails");
        root.getStyleClass().add("connection-details");
        show(null, null);
    }

    /** Shows {@code details} of the socket named {@code what} ("client 127.0.0.1:50000"); null clears the pane. */
    public void show(String what, ConnectionDetails details) {
        grid.getChildren().clear();
        if (details == null) {
            subject.setText(placeholder);
            return;
        }
        subject.setText(what == null || what.isEmpty() ? "" : StreamText.TEXT.get("details.subject", what));

        int row = 0;
        for (ConnectionDetails.Row line : details.rows()) {
            Label label = new Label(line.label());
            label.getStyleClass().add("details-label");
            Label value = new Label(line.value());
            value.getStyleClass().add("details-value");
            value.setWrapText(true);
            value.setId("details" + row);
            grid.add(label, 0, row);
            grid.add(value, 1, row);
            row++;
        }
    }

    /** The text of every value shown, label and value per line (for tests and copying). */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < grid.getChildren().size(); i += 2) {
            text.append(((Label) grid.getChildren().get(i)).getText()).append(": ")
                    .append(((Label) grid.getChildren().get(i + 1)).getText()).append('\n');
        }
        return text.toString();
    }

    public Node view() {
        return root;
    }
}
