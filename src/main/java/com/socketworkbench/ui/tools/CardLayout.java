package com.socketworkbench.ui.tools;

import com.socketworkbench.ui.fx.Tips;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The common shape of a tool card: a header (title, the socket calls it mirrors, one line of purpose) over
 * titled sections, in a scroll pane so that a short window never hides anything.
 */
final class CardLayout {
    /** The longest timeout, in seconds, a tool lets the user wait for a look-up or a check. */
    static final int MAX_TIMEOUT_SECONDS = 120;

    private CardLayout() {
    }

    /** The card for {@code tool} with id {@code <tool id>Card}. */
    static ScrollPane card(Tool tool, Node... sections) {
        Label title = new Label(tool.title());
        title.getStyleClass().add("tool-title");
        Label mirrors = new Label(tool.mirrors());
        mirrors.getStyleClass().add("tool-mirrors");
        // The Java and the Python names together are long: wrap rather than cut them off in a narrow window.
        mirrors.setWrapText(true);
        Label summary = new Label(tool.summary());
        summary.getStyleClass().add("tool-summary");
        summary.setWrapText(true);
        VBox header = new VBox(2, title, mirrors, summary);
        header.getStyleClass().add("tool-header");

        VBox body = new VBox(14, header);
        body.getChildren().addAll(sections);
        body.getStyleClass().add("tool-card");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setId(tool.id() + "Card");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("tool-scroll");
        return scroll;
    }

    /**
     * A titled block: "IPv4" with a caption such as "InetAddress.getByAddress() · Python: inet_aton() / inet_ntoa()".
     * The caption goes under the title and wraps: with the Java and the Python names it is often wider than the card.
     */
    static VBox section(String title, String caption, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("tool-section-title");
        VBox head = new VBox(1, heading);
        if (caption != null) {
            Label mirrors = new Label(caption);
            mirrors.getStyleClass().add("tool-section-caption");
            mirrors.setWrapText(true);
            head.getChildren().add(mirrors);
        }
        VBox section = new VBox(8, head);
        section.getChildren().addAll(content);
        section.getStyleClass().add("tool-section");
        return section;
    }

    /** A row of inputs and buttons, baseline aligned. */
    static HBox row(Node... nodes) {
        HBox row = new HBox(10, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Lets {@code node} take the spare width of its row. */
    static <T extends Node> T grow(T node) {
        HBox.setHgrow(node, Priority.ALWAYS);
        return node;
    }

    /** A wrapping label for inline errors, hidden while empty. */
    static Label inlineError(String id) {
        return message(id, "field-error");
    }

    /** A wrapping muted label for notes, hidden while empty. */
    static Label inlineNote(String id) {
        return message(id, "tool-note");
    }

    private static Label message(String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setMaxWidth(Double.MAX_VALUE);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    /** A short caption above an input. */
    static VBox labelled(String caption, Node input) {
        Label label = new Label(caption);
        label.getStyleClass().add("field-caption");
        label.setLabelFor(input);
        return new VBox(3, label, input);
    }

    /** A monospace input box for an address or query. */
    static TextField input(String id, String prompt, String tooltip) {
        TextField input = new TextField();
        input.setId(id);
        input.setPromptText(prompt);
        Tips.install(input, tooltip);
        input.getStyleClass().addAll("tool-input", "mono");
        return input;
    }

    /** Outlines an input in red while its text is not valid (the inline message says why). */
    static void markInvalid(TextField field, boolean invalid) {
        field.getStyleClass().remove("invalid");
        if (invalid) {
            field.getStyleClass().add("invalid");
        }
    }

    /** A caption left of an input, for rows of inputs. */
    static HBox labelledInline(String caption, Node input) {
        Label label = new Label(caption);
        label.getStyleClass().add("field-caption");
        label.setLabelFor(input);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, input);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
