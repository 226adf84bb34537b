package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.SendEditor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The history's two budgets among the request options: {@code historyMemoryBudget} and {@code historyTempBudget},
 * typed as sizes ("48 MiB", "1 GiB"), each with its inline message ({@code …Message}) when what was typed is no
 * usable size.
 */
final class HistoryBudgetFields {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private final Node memoryField;
    private final Node tempField;
    private final Node messages;

    HistoryBudgetFields(HistoryBudgets budgets, Subscriptions subscriptions) {
        Label memoryMessage = new Label();
        Label tempMessage = new Label();
        memoryField = field("historyMemoryBudget", TEXT.get("budget.memory"), budgets.memory(), memoryMessage,
                TEXT.get("budget.memory.tooltip", ByteSizeInput.format(budgets.defaultMemoryBytes())), subscriptions);
        tempField = field("historyTempBudget", TEXT.get("budget.temp"), budgets.temp(), tempMessage,
                TEXT.get("budget.temp.tooltip", ByteSizeInput.format(HistoryBudgets.DEFAULT_TEMP_BYTES)),
                subscriptions);
        messages = TabLayout.messageRow("history-budget-messages", subscriptions, memoryMessage, tempMessage);
    }

    private static Node field(String id, String caption, ByteSizeInput input, Label message, String tooltip,
                              Subscriptions subscriptions) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(6);
        Tips.install(field, tooltip + "\n" + TEXT.get("budget.sizes.tooltip"));
        message.setId(id + "Message");
        subscriptions.bindBidirectional(field.textProperty(), input.textProperty());
        FieldMessage.show(field, message, input.verdictProperty(), subscriptions);
        return SendEditor.labelled(caption, field);
    }

    Node memoryField() {
        return memoryField;
    }

    Node tempField() {
        return tempField;
    }

    /** The fields' messages, in a row that takes no room while there is none. */
    Node messages() {
        return messages;
    }
}
