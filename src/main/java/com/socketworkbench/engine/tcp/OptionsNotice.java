package com.socketworkbench.engine.tcp;

import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.engine.options.OptionValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one timeline line that says what the operating system granted of the requested socket options, e.g.
 * "Socket options: TCP_NODELAY requested off, granted off; SO_RCVBUF requested 65536, granted 65536 (kernel reserves
 * 131072)". The full notes stay in {@link EffectiveOptions} for the details panel.
 */
final class OptionsNotice {
    private static final boolean LINUX =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    private static final String BYTES = " bytes";

    private OptionsNotice() {
    }

    /**
     * "Could not set the socket options of the connection to 127.0.0.1:5000: IP_TOS could not be set: ...", or null
     * when the system took every requested option it supports.
     */
    static String refusals(String subject, EffectiveOptions options) {
        List<String> parts = new ArrayList<>();
        for (OptionValue value : options.values()) {
            if (value.setFailed()) {
                parts.add(value.name() + " " + value.note());
            }
        }
        return parts.isEmpty() ? null : TcpText.TEXT.get("options.refused", subject, String.join("; ", parts));
    }

    /** Null when nothing was requested. */
    static String text(String subject, EffectiveOptions options) {
        List<String> parts = new ArrayList<>();
        for (OptionValue value : options.values()) {
            if (value.wasRequested()) {
                parts.add(describe(value));
            }
        }
        return parts.isEmpty() ? null : subject + ": " + String.join("; ", parts);
    }

    private static String describe(OptionValue value) {
        String name = value.name();
        if (value.effective().equals(OptionValue.NOT_SUPPORTED)) {
            return TcpText.TEXT.get("options.not.applied", name, value.requested()) + (value.note() == null ? ""
                    : " (" + value.note() + ")");
        }
        if (name.equals(name.toLowerCase(Locale.ROOT))) {
            // An application timer such as "read idle timeout": nothing for the kernel to grant.
            return name + " " + value.effective();
        }
        boolean buffer = name.equals("SO_RCVBUF") || name.equals("SO_SNDBUF");
        String requested = buffer ? stripBytes(value.requested()) : value.requested();
        String granted = buffer ? stripBytes(value.effective()) : value.effective();
        String remark = buffer ? bufferRemark(value, requested, granted) : value.note();
        return TcpText.TEXT.get("options.requested.granted", name, requested, granted)
                + (remark == null || remark.isEmpty() ? "" : " (" + remark + ")");
    }

    private static String bufferRemark(OptionValue value, String requested, String granted) {
        List<String> remarks = new ArrayList<>();
        String note = value.note() == null ? "" : value.note();
        if (!requested.equals(granted) && !note.isEmpty()) {
            remarks.add(note.split("; ", 2)[0]);
        }
        if (LINUX) {
            try {
                remarks.add(TcpText.TEXT.get("options.kernel.reserves", 2 * Long.parseLong(granted)));
            } catch (NumberFormatException e) {
                // not a number of bytes: nothing to double
            }
        }
        if (note.contains("set after connect")) {
            remarks.add(TcpText.TEXT.get("options.after.handshake"));

        }
        return String.join("; ", remarks);
    }

    private static String stripBytes(String text) {
        return text != null && text.endsWith(BYTES) ? text.substring(0, text.length() - BYTES.length()) : text;
    }
}
