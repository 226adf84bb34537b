package com.socketworkbench.ui.sendfile;

import com.socketworkbench.ui.repeat.IntervalUnit;
import java.util.prefs.Preferences;

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

    /**
     * Takes the panels' settings from {@code node} (written by {@link #save}): interval, unit, count, until stopped,
     * jitter; the file, rate limit and datagram size. What is missing or unknown keeps its default; a value that does
     * not parse is loaded as typed, so the field shows its message.
     */
    public void load(Preferences node) {
        repeat.intervalProperty().set(node.get("repeatInterval", repeat.intervalProperty().get()));
        String unit = node.get("repeatUnit", "");
        for (IntervalUnit each : IntervalUnit.values()) {
            if (each.name().equals(unit)) {
                repeat.unitProperty().set(each);
            }
        }
        repeat.countProperty().set(node.get("repeatCount", repeat.countProperty().get()));
        repeat.untilStoppedProperty().set(node.getBoolean("repeatUntilStopped", repeat.untilStoppedProperty().get()));
        repeat.jitterProperty().set(node.get("repeatJitter", repeat.jitterProperty().get()));
        file.fileProperty().set(node.get("file", file.fileProperty().get()));
        file.rateLimitProperty().set(node.get("fileRateLimit", file.rateLimitProperty().get()));
        file.datagramSizeProperty().set(node.get("fileDatagramSize", file.datagramSizeProperty().get()));
    }

    /** Writes the panels' settings into {@code node}, as typed. */
    public void save(Preferences node) {
        node.put("repeatInterval", repeat.intervalProperty().get());
        node.put("repeatUnit", repeat.unitProperty().get().name());
        node.put("repeatCount", repeat.countProperty().get());
        node.putBoolean("repeatUntilStopped", repeat.untilStoppedProperty().get());
        node.put("repeatJitter", repeat.jitterProperty().get());
        node.put("file", file.fileProperty().get());
        node.put("fileRateLimit", file.rateLimitProperty().get());
        node.put("fileDatagramSize", file.datagramSizeProperty().get());
    }
}
