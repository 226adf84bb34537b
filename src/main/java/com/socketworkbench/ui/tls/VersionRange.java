package com.socketworkbench.ui.tls;

import com.socketworkbench.engine.tls.TlsVersion;
import com.socketworkbench.ui.input.InputVerdict;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

/** The oldest and newest TLS version allowed, as chosen, and the verdict when the oldest is the newer one. */
public final class VersionRange {
    private final ObjectProperty<TlsVersion> min = new SimpleObjectProperty<>(this, "min", TlsVersion.TLS_1_2);
    private final ObjectProperty<TlsVersion> max = new SimpleObjectProperty<>(this, "max", TlsVersion.TLS_1_3);
    private final ObjectBinding<InputVerdict> verdict = Bindings.createObjectBinding(() -> min().compareTo(max()) > 0
            ? InputVerdict.error(TEXT.get("error.versions", label(min()), label(max()))) : InputVerdict.FINE, min, max);

    /** "TLS 1.3": how a version is shown (a protocol name, the same in every language). */
    public static String label(TlsVersion version) {
        return version.jdkName().replace("TLSv", "TLS ");
    }

    static TlsVersion parse(String name, TlsVersion fallback) {
        try {
            return TlsVersion.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return fallback;
        }
    }

    public ObjectProperty<TlsVersion> minProperty() {
        return min;
    }

    public ObjectProperty<TlsVersion> maxProperty() {
        return max;
    }

    public TlsVersion min() {
        return min.get() == null ? TlsVersion.TLS_1_2 : min.get();
    }

    public TlsVersion max() {
        return max.get() == null ? TlsVersion.TLS_1_3 : max.get();
    }

    public ObservableObjectValue<InputVerdict> verdictProperty() {
        return verdict;
    }

    public boolean isValid() {
        return !verdict.get().isError();
    }
}
