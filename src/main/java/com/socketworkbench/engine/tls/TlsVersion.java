package com.socketworkbench.engine.tls;

/** The TLS versions a connection may use; older ones are not offered (the JDK disables them anyway). */
public enum TlsVersion {
    TLS_1_2("TLSv1.2"),
    TLS_1_3("TLSv1.3");

    private final String jdkName;

    TlsVersion(String jdkName) {
        this.jdkName = jdkName;
    }

    /** The name JSSE uses: "TLSv1.2", "TLSv1.3". */
    public String jdkName() {
        return jdkName;
    }

    /** The names {@link #parse} reads, for messages: "TLSv1.2, TLSv1.3". */
    public static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(TlsVersion::jdkName).toList());
    }

    /**
     * The version named by {@code text}, as a scenario or the command line writes it: the JSSE name
     * ({@code TLSv1.3}), the label the window shows ({@code TLS 1.3}), the saved name ({@code TLS_1_3}) or the
     * number alone ({@code 1.3}), in any case; null for anything else (older versions are not offered).
     */
    public static TlsVersion parse(String text) {
        if (text == null) {
            return null;
        }
        String number = text.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "").replace('_', '.');
        if (number.startsWith("TLSV")) {
            number = number.substring(4);
        } else if (number.startsWith("TLS.")) {
            number = number.substring(4);
        } else if (number.startsWith("TLS")) {
            number = number.substring(3);
        }
        for (TlsVersion version : values()) {
            if (version.jdkName.substring(4).equals(number)) {
                return version;
            }
        }
        return null;
    }

    /** The versions from {@code min} to {@code max} as JSSE names; empty when min is above max. */
    static String[] range(TlsVersion min, TlsVersion max) {
        return java.util.Arrays.stream(values()).filter(v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0)
                .map(TlsVersion::jdkName).toArray(String[]::new);
    }
}
