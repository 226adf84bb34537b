package com.socketworkbench.ui.scenario;

import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.scenario.ConnectionSpec;
import com.socketworkbench.engine.scenario.ScenarioListener;
import com.socketworkbench.engine.scenario.ScenarioResult;
import com.socketworkbench.engine.scenario.Step;
import com.socketworkbench.engine.scenario.StepResult;
import com.socketworkbench.engine.scenario.StepStatus;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The run's progress as the runner reports it (on its own thread), kept as the latest row per step for the FX thread
 * to read on its next pulse: a 10,000-times repeat changes a row 40,000 times, the list shows it a few times a
 * second. No JavaFX here, so nothing is handed to the FX thread per step.
 */
final class ScenarioProgress implements ScenarioListener {
    private final AtomicReferenceArray<StepRow> rows;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private volatile ScenarioResult result;

    ScenarioProgress(List<Step> steps) {
        rows = new AtomicReferenceArray<>(steps.size());
        for (Step step : steps) {
            rows.set(step.index(), StepRow.pending(step));
        }
    }

    @Override
    public void connectionOpened(ConnectionSpec connection, SocketAddress local) {
        opened.add(ScenarioTab.TEXT.get(connection.listen() ? "connection.listening" : "connection.connected",
                connection.name(), Endpoints.describe(local)));
    }

    @Override
    public void stepStarted(Step step, int iteration) {
        rows.set(step.index(), new StepRow(step, StepStatus.RUNNING, iteration, null, null, "", ""));
    }

    @Override
    public void stepFinished(StepResult r) {
        rows.set(r.step().index(), new StepRow(r.step(), r.status(), r.iteration(), r.took(), r.message(),
                r.received().length == 0 ? "" : r.receivedText(), r.received().length == 0 ? "" : r.receivedHex()));
    }

    @Override
    public void finished(ScenarioResult finished) {
        // Steps that never ran because an earlier one failed, or the run stopped, show as skipped.
        for (int i = 0; i < rows.length(); i++) {
            StepRow row = rows.get(i);
            if (row.status() == StepStatus.PENDING) {
                rows.set(i, new StepRow(row.step(), StepStatus.SKIPPED, 0, Duration.ZERO, null, "", ""));
            }
        }
        result = finished;
    }

    int size() {
        return rows.length();
    }

    StepRow row(int index) {
        return rows.get(index);
    }

    /** "dev connected from 127.0.0.1:40112", "srv listening on 127.0.0.1:43567", in the order opened. */
    List<String> opened() {
        return List.copyOf(opened);
    }

    /** The run's result once it is over, else null. */
    ScenarioResult result() {
        return result;
    }
}
