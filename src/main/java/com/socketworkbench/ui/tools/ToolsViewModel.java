package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.engine.tools.Resolver;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabModel;
import com.socketworkbench.ui.tab.TabStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Map;

/**
 * State of the Tools tab: one model per tool, which tool is shown, and the status line (the shown tool's latest
 * result). Inputs are remembered between sessions.
 */
public final class ToolsViewModel implements TabModel {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");
    static final String PREF_TOOL = "tool";
    static final String PREF_IPV4 = "ipv4";
    static final String PREF_IPV6 = "ipv6";
    static final String PREF_PREFIX = "classifyPrefix";
    static final String PREF_SUBNET = "subnet";
    static final String PREF_SERVICE = "service";
    static final String PREF_RESOLVE_NAME = "resolveName";
    static final String PREF_REVERSE_ADDRESS = "reverseAddress";
    static final String PREF_CHECK_HOST = "portCheckHost";
    static final String PREF_CHECK_PORT = "portCheckPort";
    static final String PREF_CHECK_TIMEOUT = "portCheckTimeoutSeconds";
    static final String PREF_CONVERTER_SOURCE = "classifySource";
    static final String PREF_SERVICE_PROTOCOL = "serviceProtocol";
    static final String PREF_RESOLVE_TIMEOUT = "resolveTimeoutSeconds";

    private final AppPreferences preferences;
    private final ObjectProperty<Tool> selected = new SimpleObjectProperty<>(this, "selected", Tool.THIS_HOST);
    private final TabStatus status = new TabStatus();
    private final HostInfoModel hostInfo;
    private final ResolveModel resolve;
    private final ServicesModel services;
    private final ConverterModel converter;
    private final SubnetModel subnet;
    private final PortCheckModel portCheck;
    private final Map<Tool, ReadOnlyStringProperty> summaries;
    private boolean started;

    public ToolsViewModel(AppPreferences preferences, Resolver resolver, UiExecutor executor,
                          Subscriptions subscriptions) {
        this.preferences = preferences;
        // The port check's one connect is no traffic worth counting: the status bar shows the tool's result only.
        status.setCountersShown(false);
        hostInfo = new HostInfoModel(resolver, executor, subscriptions);
        resolve = new ResolveModel(resolver, preferences.get(PREF_RESOLVE_NAME, "localhost"),
                preferences.get(PREF_REVERSE_ADDRESS, "127.0.0.1"), executor, subscriptions);
        services = new ServicesModel(preferences.get(PREF_SERVICE, "http"), executor, subscriptions);
        converter = new ConverterModel(preferences.get(PREF_IPV4, "127.0.0.1"),
                preferences.get(PREF_IPV6, "2001:db8::1"), preferences.get(PREF_PREFIX, ""), subscriptions);
        subnet = new SubnetModel(preferences.get(PREF_SUBNET, "192.168.1.10/24"), subscriptions);
        portCheck = new PortCheckModel(resolver, preferences.get(PREF_CHECK_HOST, "127.0.0.1"),
                preferences.getInt(PREF_CHECK_PORT, 80),
                Math.max(1, preferences.getInt(PREF_CHECK_TIMEOUT, PortCheckModel.DEFAULT_TIMEOUT_SECONDS)),
                executor, subscriptions);
        resolve.timeoutSecondsProperty().set(Math.max(1, preferences.getInt(PREF_RESOLVE_TIMEOUT,
                ResolveModel.DEFAULT_TIMEOUT_SECONDS)));
        services.protocolProperty().set(named(ServicesModel.Protocol.class, preferences.get(PREF_SERVICE_PROTOCOL,
                null), ServicesModel.Protocol.ANY));
        converter.sourceProperty().set(named(ConverterModel.Source.class, preferences.get(PREF_CONVERTER_SOURCE,
                null), ConverterModel.Source.IPV4));
        summaries = Map.of(Tool.THIS_HOST, hostInfo.summaryProperty(), Tool.RESOLVE, resolve.summaryProperty(),
                Tool.SERVICES, services.summaryProperty(), Tool.CONVERTER, converter.summaryProperty(),
                Tool.SUBNET, subnet.summaryProperty(), Tool.PORT_CHECK, portCheck.summaryProperty());

        try {
            selected.set(Tool.valueOf(preferences.get(PREF_TOOL, Tool.THIS_HOST.name())));
        } catch (IllegalArgumentException e) {
            selected.set(Tool.THIS_HOST);
        }
        subscriptions.subscribe(selected, tool -> {
            if (started && tool == Tool.THIS_HOST) {
                hostInfo.refreshIfNeverLoaded();
            }
            updateStatus();
        });
        for (ReadOnlyStringProperty summary : summaries.values()) {
            subscriptions.listen(summary, (observable, old, now) -> updateStatus());
        }
    }

    /** Nothing runs until the tab is first shown ({@link #viewShown()}). */
    @Override
    public void activate() {
    }

    /**
     * The tab's view is shown for the first time: reads the services table, and collects host information if that
     * tool is the one shown. Not at start: a window that opens on another tab does not read files, enumerate network
     * interfaces and resolve its host name while it draws its first frame.
     */
    public void viewShown() {
        if (started) {
            return;
        }
        started = true;
        services.load();
        if (selected.get() == Tool.THIS_HOST) {
            hostInfo.refreshIfNeverLoaded();
        }
    }

    /** Forgets running look-ups and checks. */
    @Override
    public void stop() {
        hostInfo.cancel();
        resolve.cancel();
        portCheck.cancel();
    }

    @Override
    public void dispose() {
        stop();
        savePreferences();
    }

    private void updateStatus() {
        Tool tool = selected.get();
        String summary = summaries.get(tool).get();
        status.setState(summary == null || summary.isEmpty() ? tool.title()
                : TEXT.get("status.toolResult", tool.title(), summary));
    }

    /** Remembers the shown tool and every input for the next session. */
    public void savePreferences() {
        preferences.put(PREF_TOOL, selected.get().name());
        putText(PREF_IPV4, converter.ipv4InputProperty().get());
        putText(PREF_IPV6, converter.ipv6InputProperty().get());
        putText(PREF_PREFIX, converter.prefixInputProperty().get());
        putText(PREF_SUBNET, subnet.inputProperty().get());
        putText(PREF_SERVICE, services.queryProperty().get());
        putText(PREF_RESOLVE_NAME, resolve.nameProperty().get());
        putText(PREF_REVERSE_ADDRESS, resolve.reverseAddressProperty().get());
        if (portCheck.host().isValid()) {
            putText(PREF_CHECK_HOST, portCheck.host().host());
        }
        if (portCheck.port().port() > 0) {
            preferences.putInt(PREF_CHECK_PORT, portCheck.port().port());
        }
        preferences.putInt(PREF_CHECK_TIMEOUT, portCheck.timeoutSeconds());
        preferences.putInt(PREF_RESOLVE_TIMEOUT, resolve.timeoutSeconds());
        preferences.put(PREF_SERVICE_PROTOCOL, services.protocolProperty().get() == null
                ? ServicesModel.Protocol.ANY.name() : services.protocolProperty().get().name());
        preferences.put(PREF_CONVERTER_SOURCE, converter.sourceProperty().get().name());
        preferences.flush();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, E fallback) {
        for (E each : type.getEnumConstants()) {
            if (each.name().equals(name)) {
                return each;
            }
        }
        return fallback;
    }

    private void putText(String key, String value) {
        preferences.putText(key, value == null ? "" : value);
    }

    public ObjectProperty<Tool> selectedProperty() {
        return selected;
    }

    @Override
    public TabStatus status() {
        return status;
    }

    public HostInfoModel hostInfo() {
        return hostInfo;
    }

    public ResolveModel resolve() {
        return resolve;
    }

    public ServicesModel services() {
        return services;
    }

    public ConverterModel converter() {
        return converter;
    }

    public SubnetModel subnet() {
        return subnet;
    }

    public PortCheckModel portCheck() {
        return portCheck;
    }
}
