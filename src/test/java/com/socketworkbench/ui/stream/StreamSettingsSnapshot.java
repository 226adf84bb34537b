package com.socketworkbench.ui.stream;

import com.socketworkbench.engine.framing.Endianness;
import com.socketworkbench.engine.framing.FramingMode;
import com.socketworkbench.engine.tcp.OversizePolicy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every setting of both TCP tabs' {@link StreamSettings}, by name, and an edit that changes each of them. */
public final class StreamSettingsSnapshot {
    private StreamSettingsSnapshot() {
    }

    /** Transport, socket path, every framing field, every socket option and every split-send field. */
    public static Map<String, Object> of(StreamSettings stream) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("transport", stream.transportProperty().get());
        values.put("unixPath", stream.unixPath().text());
        FramingEditorModel framing = stream.framing();
        values.put("framing.mode", framing.modeProperty().get());
        values.put("framing.delimiter", framing.delimiterProperty().get());
        values.put("framing.keepDelimiter", framing.keepDelimiterProperty().get());
        values.put("framing.lengthFieldBytes", framing.lengthFieldBytesProperty().get());
        values.put("framing.byteOrder", framing.byteOrderProperty().get());
        values.put("framing.lengthIncludesHeader", framing.lengthIncludesHeaderProperty().get());
        values.put("framing.lengthOffset", framing.lengthOffsetProperty().get());
        values.put("framing.fixedSize", framing.fixedSizeProperty().get());
        values.put("framing.idleGapMillis", framing.idleGapMillisProperty().get());
        values.put("framing.maxFrameSize", framing.maxFrameSizeProperty().get());
        values.put("framing.oversizePolicy", framing.oversizePolicy());
        SocketOptionsModel options = stream.socketOptions();
        values.put("options.reuseAddress", options.reuseAddressProperty().get());
        values.put("options.tcpNoDelay", options.tcpNoDelayProperty().get());
        values.put("options.keepAlive", options.keepAliveProperty().get());
        values.put("options.receiveBuffer", options.receiveBufferProperty().get());
        values.put("options.sendBuffer", options.sendBufferProperty().get());
        values.put("options.linger", options.lingerProperty().get());
        values.put("options.ipTos", options.ipTosProperty().get());
        values.put("options.readIdleTimeout", options.readIdleTimeoutProperty().get());
        SplitSendModel split = stream.split();
        values.put("split.enabled", split.enabledProperty().get());
        values.put("split.segmentBytes", split.segmentBytesProperty().get());
        values.put("split.gapMillis", split.gapMillisProperty().get());
        values.put("split.repeat", split.repeatProperty().get());
        values.put("split.coalesce", split.coalesceProperty().get());
        return values;
    }

    /** Changes every setting {@link #of} lists away from its default (some to text that is not valid). */
    public static void editEverything(StreamSettings stream) {
        stream.transportProperty().set(Transport.UNIX);
        stream.unixPath().textProperty().set("/tmp/sw-roundtrip.sock");
        FramingEditorModel framing = stream.framing();
        framing.modeProperty().set(FramingMode.LENGTH_PREFIX);
        framing.delimiterProperty().set("0d 0a");
        framing.keepDelimiterProperty().set(true);
        framing.lengthFieldBytesProperty().set(4);
        framing.byteOrderProperty().set(Endianness.LITTLE);
        framing.lengthIncludesHeaderProperty().set(true);
        framing.lengthOffsetProperty().set("2");
        framing.fixedSizeProperty().set("32x");
        framing.idleGapMillisProperty().set("250");
        framing.maxFrameSizeProperty().set("1 MiB");
        framing.oversizePolicyProperty().set(OversizePolicy.DISCARD);
        SocketOptionsModel options = stream.socketOptions();
        options.reuseAddressProperty().set(true);
        options.tcpNoDelayProperty().set(false);
        options.keepAliveProperty().set(true);
        options.receiveBufferProperty().set("64 KiB");
        options.sendBufferProperty().set("32 KiB");
        options.lingerProperty().set("5");
        options.ipTosProperty().set("0x10");
        options.readIdleTimeoutProperty().set("30 s");
        SplitSendModel split = stream.split();
        split.enabledProperty().set(true);
        split.segmentBytesProperty().set("3");
        split.gapMillisProperty().set("20");
        split.repeatProperty().set("4");
        split.coalesceProperty().set(true);
    }
}
