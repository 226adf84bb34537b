package com.socketworkbench.ui.sendfile;

import com.socketworkbench.ui.repeat.IntervalUnit;

import java.util.LinkedHashMap;
import java.util.Map;

/** The periodic send and send file settings of a socket tab, for its settings round-trip test. */
public final class SendToolsSnapshot {
    private SendToolsSnapshot() {
    }

    public static Map<String, Object> of(SendTools tools) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("repeat.interval", tools.repeat().intervalProperty().get());
        values.put("repeat.unit", tools.repeat().unitProperty().get());
        values.put("repeat.count", tools.repeat().countProperty().get());
        values.put("repeat.untilStopped", tools.repeat().untilStoppedProperty().get());
        values.put("repeat.jitter", tools.repeat().jitterProperty().get());
        values.put("file.path", tools.file().fileProperty().get());
        values.put("file.rateLimit", tools.file().rateLimitProperty().get());
        values.put("file.datagramSize", tools.file().datagramSizeProperty().get());
        return values;
    }

    /** Every setting away from its default; an interval that does not parse is kept as typed. */
    public static void editEverything(SendTools tools) {
        tools.repeat().intervalProperty().set("2.5x");
        tools.repeat().unitProperty().set(IntervalUnit.SECONDS);
        tools.repeat().countProperty().set("42");
        tools.repeat().untilStoppedProperty().set(true);
        tools.repeat().jitterProperty().set("7");
        tools.file().fileProperty().set("/tmp/firmware.bin");
        tools.file().rateLimitProperty().set("64");
        tools.file().datagramSizeProperty().set("512");
    }
}
