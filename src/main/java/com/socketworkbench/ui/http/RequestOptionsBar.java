package com.socketworkbench.ui.http;

import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.traffic.SendEditor;
import com.socketworkbench.ui.input.Spinners;
import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import java.nio.charset.Charset;

/**
 * The HTTP tab's request options under the editor: Content-Length fixing, CRLF normalising, keep-alive, the read
 * timeout, the overall deadline (its bad value named under the row, {@code deadlineMessage}), the response size
 * limit, the request charset, the red Insecure TLS switch and the history's memory and temp-file budgets, all bound to
 * the view model.
 */
final class RequestOptionsBar {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");

    private final HttpViewModel model;
    private final Subscriptions subscriptions;
    private final Label deadlineMessage = new Label();

    RequestOptionsBar(HttpViewModel model, Subscriptions subscriptions) {
        this.model = model;
        this.subscriptions = subscriptions;
    }

    Node node() {
        CheckBox fix = new CheckBox(TEXT.get("option.fixContentLength"));
        fix.setId("fixContentLength");
        Tips.install(fix, TEXT.get("option.fixContentLength.tooltip"));
        subscriptions.bindBidirectional(fix.selectedProperty(), model.fixContentLengthProperty());
        CheckBox crlf = new CheckBox(TEXT.get("option.normalizeCrlf"));
        crlf.setId("normalizeCrlf");
        Tips.install(crlf, TEXT.get("option.normalizeCrlf.tooltip"));
        subscriptions.bindBidirectional(crlf.selectedProperty(), model.normalizeCrlfProperty());
        CheckBox keepAlive = new CheckBox(TEXT.get("option.keepAlive"));
        keepAlive.setId("keepAlive");
        Tips.install(keepAlive, TEXT.get("option.keepAlive.tooltip"));
        subscriptions.bindBidirectional(keepAlive.selectedProperty(), model.keepAliveProperty());

        Spinner<Integer> timeout = Spinners.integer("readTimeout", 1, 3600, 1, model.readTimeoutSecondsProperty(),
                80, TEXT.get("option.readTimeout.tooltip"), subscriptions);
        Spinner<Integer> maxSize = Spinners.integer("maxResponse", 1, 4096, 1, model.maxResponseMiBProperty(), 80,
                TEXT.get("option.maxResponse.tooltip"), subscriptions);

        ComboBox<Charset> charset = new ComboBox<>(FXCollections.observableArrayList(SupportedCharsets.all()));
        charset.setId("requestCharset");
        charset.setPrefWidth(ResponseView.CHARSET_BOX_WIDTH);

        Tips.install(charset, TEXT.get("option.charset.tooltip"));
        subscriptions.bindBidirectional(charset.valueProperty(), model.requestCharsetProperty());

        CheckBox insecure = new CheckBox(TEXT.get("option.insecure"));
        insecure.setId("insecure");
        insecure.getStyleClass().add("insecure-toggle");
        Tips.install(insecure, TEXT.get("option.insecure.tooltip"));
        subscriptions.bindBidirectional(insecure.selectedProperty(), model.insecureTlsProperty());
        subscriptions.subscribe(insecure.selectedProperty(), on -> {
            insecure.getStyleClass().remove("insecure-on");
            insecure.setText(on ? TEXT.get("option.insecure.on") : TEXT.get("option.insecure"));
            if (on) {
                insecure.getStyleClass().add("insecure-on");
            }
        });

        HistoryBudgetFields budgets = new HistoryBudgetFields(model.historyBudgets(), subscriptions);
        FlowPane options = new FlowPane(14, 6, fix, crlf, keepAlive,
                SendEditor.labelled(TEXT.get("option.readTimeout"), timeout), deadline(),
                SendEditor.labelled(TEXT.get("option.maxResponse"), maxSize),
                SendEditor.labelled(TEXT.get("option.charset"), charset), insecure, budgets.memoryField(),
                budgets.tempField());
        options.getStyleClass().add("request-options");
        options.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, options, deadlineMessage, budgets.messages());
    }

    /** The overall deadline: a switch and its seconds; a bad value is named under the options (deadlineMessage). */
    private Node deadline() {
        DeadlineInput input = model.deadline();
        CheckBox on = new CheckBox(TEXT.get("option.deadline"));
        on.setId("deadlineOn");
        Tips.install(on, TEXT.get("option.deadline.tooltip"));
        subscriptions.bindBidirectional(on.selectedProperty(), input.onProperty());
        TextField seconds = new TextField();
        seconds.setId("deadline");
        seconds.setPrefColumnCount(5);
        Tips.install(seconds, TEXT.get("option.deadline.seconds.tooltip", DeadlineInput.MAX_SECONDS,
                DeadlineInput.DEFAULT_SECONDS));
        subscriptions.bindBidirectional(seconds.textProperty(), input.textProperty());
        subscriptions.bind(seconds.disableProperty(), Bindings.not(input.onProperty()));
        deadlineMessage.setId("deadlineMessage");
        FieldMessage.show(seconds, deadlineMessage, input.verdictProperty(), subscriptions);
        HBox box = new HBox(6, on, seconds);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

}
