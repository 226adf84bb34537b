package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;

import com.socketworkbench.engine.framing.ByteSizes;
import com.socketworkbench.engine.options.EffectiveOptions;
import com.socketworkbench.engine.options.SocketOptionsSpec;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The socket options a stream tab asks for and what the operating system granted. Every option may be left at the
 * system's default (null or blank); the text fields are parsed into a {@link SocketOptionsSpec} on every change with
 * a message for the user when one is wrong ({@link #errorProperty()}). The tab applies {@link #spec()} to its
 * sockets and puts the read-back values into {@link #effectiveProperty()}, where the panel shows them beside the
 * requested ones. Requests are remembered in the given preferences node.
 */
public final class SocketOptionsModel {
    /** The option names the panel offers, as {@link com.socketworkbench.engine.options.OptionValue#name()} has them. */
    public static final String REUSE_ADDRESS = "SO_REUSEADDR";
    public static final String NO_DELAY = "TCP_NODELAY";
    public static final String KEEP_ALIVE = "SO_KEEPALIVE";
    public static final String RECEIVE_BUFFER = "SO_RCVBUF";
    public static final String SEND_BUFFER = "SO_SNDBUF";
    public static final String LINGER = "SO_LINGER";
    public static final String IP_TOS = "IP_TOS";
    public static final String READ_IDLE_TIMEOUT = "read idle timeout";
    public static final String CONNECT_TIMEOUT = "connect timeout";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|sec|min)?", Pattern.CASE_INSENSITIVE);

    private final AppPreferences preferences;
    private final ObjectProperty<Boolean> reuseAddress = new SimpleObjectProperty<>(this, "reuseAddress");
    private final ObjectProperty<Boolean> tcpNoDelay = new SimpleObjectProperty<>(this, "tcpNoDelay");
    private final ObjectProperty<Boolean> keepAlive = new SimpleObjectProperty<>(this, "keepAlive");
    private final StringProperty receiveBuffer = new SimpleStringProperty(this, "receiveBuffer", "");
    private final StringProperty sendBuffer = new SimpleStringProperty(this, "sendBuffer", "");
    private final StringProperty linger = new SimpleStringProperty(this, "linger", "");
    private final StringProperty ipTos = new SimpleStringProperty(this, "ipTos", "");
    private final StringProperty readIdleTimeout = new SimpleStringProperty(this, "readIdleTimeout", "");
    private final ObjectProperty<Duration> connectTimeout = new SimpleObjectProperty<>(this, "connectTimeout");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper errorOption = new ReadOnlyStringWrapper(this, "errorOption", "");
    private final ReadOnlyObjectWrapper<EffectiveOptions> effective =
            new ReadOnlyObjectWrapper<>(this, "effective", new EffectiveOptions(List.of()));
    private final ReadOnlyStringWrapper effectiveSubject = new ReadOnlyStringWrapper(this, "effectiveSubject", "");

    public SocketOptionsModel(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        load();
        for (ObservableValue<?> input : new ObservableValue<?>[]{reuseAddress, tcpNoDelay, keepAlive, receiveBuffer,
                sendBuffer, linger, ipTos, readIdleTimeout, connectTimeout}) {
            subscriptions.listen(input, (obs, old, now) -> validate());
        }
        validate();
    }

    private void load() {
        reuseAddress.set(tristate(preferences.get(REUSE_ADDRESS, "")));
        tcpNoDelay.set(tristate(preferences.get(NO_DELAY, "")));
        keepAlive.set(tristate(preferences.get(KEEP_ALIVE, "")));
        receiveBuffer.set(preferences.get(RECEIVE_BUFFER, ""));
        sendBuffer.set(preferences.get(SEND_BUFFER, ""));
        linger.set(preferences.get(LINGER, ""));
        ipTos.set(preferences.get(IP_TOS, ""));
        readIdleTimeout.set(preferences.get(READ_IDLE_TIMEOUT, ""));
    }

    private static Boolean tristate(String text) {
        return switch (text) {
            case "on" -> Boolean.TRUE;
            case "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String tristate(Boolean value) {
        return value == null ? "" : value ? "on" : "off";
    }

    /** Remembers the requests (also text that is not valid yet). */
    public void save() {
        preferences.put(REUSE_ADDRESS, tristate(reuseAddress.get()));
        preferences.put(NO_DELAY, tristate(tcpNoDelay.get()));
        preferences.put(KEEP_ALIVE, tristate(keepAlive.get()));
        preferences.put(RECEIVE_BUFFER, text(receiveBuffer));
        preferences.put(SEND_BUFFER, text(sendBuffer));
        preferences.put(LINGER, text(linger));
        preferences.put(IP_TOS, text(ipTos));
        preferences.put(READ_IDLE_TIMEOUT, text(readIdleTimeout));
    }

    private void validate() {
        try {
            spec();
            error.set("");
            errorOption.set("");
        } catch (OptionException e) {
            error.set(e.getMessage());
            errorOption.set(e.option);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            errorOption.set("");
        }
    }

    /** The requested options; throws IllegalArgumentException with a message for the user when a field is wrong. */
    public SocketOptionsSpec spec() {
        return new SocketOptionsSpec(reuseAddress.get(), tcpNoDelay.get(), keepAlive.get(),
                buffer(RECEIVE_BUFFER, receiveBuffer), buffer(SEND_BUFFER, sendBuffer), linger(), ipTos(),
                readIdleTimeout(), connectTimeout.get(), null, null, null);
    }

    /** {@link #spec()}, or empty while a field is wrong. */
    public Optional<SocketOptionsSpec> validSpec() {
        try {
            return Optional.of(spec());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Integer buffer(String name, StringProperty property) {
        String value = text(property).strip();
        if (value.isEmpty()) {
            return null;
        }
        long bytes;
        try {
            bytes = ByteSizes.parse(value);
        } catch (IllegalArgumentException e) {
            throw new OptionException(name, StreamText.TEXT.get("options.error.bytes", name, e.getMessage()));
        }
        if (bytes < 1 || bytes > Integer.MAX_VALUE) {
            throw new OptionException(name, StreamText.TEXT.get("options.error.buffer.range", name, value));
        }
        return (int) bytes;
    }

    private Integer linger() {
        String value = text(linger).strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        if (value.equals("off") || value.equals("-1")) {
            return -1;
        }
        int seconds = number(LINGER, value.replaceFirst("\\s*s$", ""),
                StreamText.TEXT.get("options.error.linger.expected"));
        if (seconds > 65_535) {
            throw new OptionException(LINGER, StreamText.TEXT.get("options.error.linger.range", LINGER, seconds));
        }
        return seconds;
    }

    private Integer ipTos() {
        String value = text(ipTos).strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return null;
        }
        int tos;
        if (value.startsWith("0x")) {
            try {
                tos = Integer.parseInt(value.substring(2), 16);
            } catch (NumberFormatException e) {
                throw new OptionException(IP_TOS, StreamText.TEXT.get("options.error.tos.hex", IP_TOS, value));
            }
        } else {
            tos = number(IP_TOS, value, StreamText.TEXT.get("options.error.tos.expected"));
        }
        if (tos > 255) {
            throw new OptionException(IP_TOS, StreamText.TEXT.get("options.error.tos.range", IP_TOS, value));
        }
        return tos;
    }

    private Duration readIdleTimeout() {
        String value = text(readIdleTimeout).strip();
        if (value.isEmpty()) {
            return null;
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new OptionException(READ_IDLE_TIMEOUT, StreamText.TEXT.get("options.error.timeout", value));
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "min" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static int number(String name, String value, String expected) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new OptionException(name, StreamText.TEXT.get("options.error.number", name, value, expected));

        }
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get();
    }

    /** A wrong field, naming the option so the panel can mark it. */
    private static final class OptionException extends IllegalArgumentException {
        private final String option;

        OptionException(String option, String message) {
            super(message);
            this.option = option;
        }
    }

    /** SO_REUSEADDR: null = system default. */
    public ObjectProperty<Boolean> reuseAddressProperty() {
        return reuseAddress;
    }

    /** TCP_NODELAY: null = the workbench's default (on). */
    public ObjectProperty<Boolean> tcpNoDelayProperty() {
        return tcpNoDelay;
    }

    public ObjectProperty<Boolean> keepAliveProperty() {
        return keepAlive;
    }

    /** Text of SO_RCVBUF: bytes or "64 KiB"; blank = default. */
    public StringProperty receiveBufferProperty() {
        return receiveBuffer;
    }

    public StringProperty sendBufferProperty() {
        return sendBuffer;
    }

    /** Text of SO_LINGER: "off", "0" (abort on close) or seconds; blank = default. */
    public StringProperty lingerProperty() {
        return linger;
    }

    /** Text of IP_TOS: 0-255 or hex "0x10"; blank = default. */
    public StringProperty ipTosProperty() {
        return ipTos;
    }

    /** Text of the read idle timeout: "30" (seconds), "500 ms", "2 min"; "0" = none; blank = none. */
    public StringProperty readIdleTimeoutProperty() {
        return readIdleTimeout;
    }

    /** The connect timeout a client tab takes from its own Timeout field; null for a server. */
    public ObjectProperty<Duration> connectTimeoutProperty() {
        return connectTimeout;
    }

    /** Why the requests cannot be applied, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The option name the error is about, or empty. */
    public ReadOnlyStringProperty errorOptionProperty() {
        return errorOption.getReadOnlyProperty();
    }

    /** The options read back from the socket shown in the panel (set by the tab). */
    public ReadOnlyObjectProperty<EffectiveOptions> effectiveProperty() {
        return effective.getReadOnlyProperty();
    }

    /** Which socket the effective values are from, e.g. "listening socket 127.0.0.1:5000"; empty when none. */
    public ReadOnlyStringProperty effectiveSubjectProperty() {
        return effectiveSubject.getReadOnlyProperty();
    }

    /** Shows what was read back from {@code subject} (FX thread). */
    public void showEffective(String subject, EffectiveOptions options) {
        effectiveSubject.set(subject == null ? "" : subject);
        effective.set(options == null ? new EffectiveOptions(List.of()) : options);
    }
}
