package com.socketworkbench.ui.repeat;

import com.socketworkbench.engine.repeat.SendSink;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

import java.util.function.Supplier;

/**
 * What a socket tab offers the periodic send and send file panels: whether a send can go now and, when not, why (the
 * send editor's target readiness and hint), whether the tab's socket is live (a run stops when it no longer is), and
 * sinks fixed to the target chosen at the moment a run starts. The suppliers are called on the FX thread; the sinks
 * they return are called from the run's own thread and touch only engine objects.
 *
 * @param messages a sink that sends as the editor's Send does (the split plan of a TCP tab), or null when none can go
 * @param raw      a sink for a file's chunks: one plain write (TCP) or one datagram (UDP) each, or null
 */
public record TabSendPath(ObservableBooleanValue ready, ObservableStringValue hint, ObservableBooleanValue live,
                          Supplier<SendSink> messages, Supplier<SendSink> raw) {
}
