package com.socketworkbench.ui.sendfile;

import com.socketworkbench.engine.repeat.SendSink;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.repeat.RepeatSendModel;
import com.socketworkbench.ui.repeat.TabSendPath;
import com.socketworkbench.ui.traffic.SendEditorModel;
import javafx.beans.value.ObservableBooleanValue;

import java.util.function.Supplier;

/**
 * A socket tab's periodic send and send file models, made in one call by the tab's view model so its own code grows by
 * a line or two.
 */
public record SendTools(RepeatSendModel repeat, SendFileModel file) {

    /**
     * @param editor    the tab's send editor: its input is what a periodic send sends, its target readiness and hint
     *                  say whether a run can start
     * @param live      while the tab's socket is live; a run stops when it no longer is
     * @param messages  a sink that sends as Send does, fixed to the target chosen now (null: none can go)
     * @param raw       a sink for a file's chunks, fixed to the target chosen now (null: none can go)
     * @param datagrams true in the UDP tab: a file goes as datagrams of a chosen size
     */
    public static SendTools create(SendEditorModel editor, ObservableBooleanValue live, Supplier<SendSink> messages,
                                   Supplier<SendSink> raw, boolean datagrams, UiExecutor executor,
                                   Subscriptions subscriptions) {
        TabSendPath path = new TabSendPath(editor.targetReadyProperty(), editor.targetHintProperty(), live, messages,
                raw);
        return new SendTools(new RepeatSendModel(editor, path, executor, subscriptions),
                new SendFileModel(path, datagrams, executor, subscriptions));
    }
}
