package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.capture.PcapngRecorder;
import com.socketworkbench.engine.event.DataEvent;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.NetEvent;
import com.socketworkbench.ui.fx.EventPump;

/**
 * A tab's engine sink: each event goes to the recording first (when one runs), then to the pump, on the thread that
 * emitted it, so the recording sees every event in the order the engine emitted it, whatever the timeline trims.
 *
 * <p>The recorder's {@code emit} waits when its writer falls behind. The engine's threads and the UI executor's are
 * virtual, and waiting there is what slows a flood down to the disk's pace; the few events a platform thread emits
 * (the FX thread calling a setter or sending a datagram, or a test thread) are queued without waiting, so the FX
 * thread never blocks on the disk.
 */
final class RecordingTee implements EventSink {
    private final EventPump pump;
    private volatile PcapngRecorder recorder;

    RecordingTee(EventPump pump) {
        this.pump = pump;
    }

    void recordTo(PcapngRecorder next) {
        recorder = next;
    }

    @Override
    public void emit(NetEvent event) {
        PcapngRecorder recording = recorder;
        // A provisional view of pending bytes is no traffic of its own: the frame is recorded when it completes.
        if (recording != null && !(event instanceof DataEvent data && data.incomplete())) {
            if (Thread.currentThread().isVirtual()) {
                recording.emit(event);
            } else {
                recording.emitWithoutWaiting(event);
            }
        }
        pump.emit(event);
    }
}
