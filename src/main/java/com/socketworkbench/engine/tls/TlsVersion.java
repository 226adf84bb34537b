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

    /** The versions from {@code min} to {@code max} as JSSE names; empty when min is above max. */
    static String[] range(TlsVersion min, TlsVersion max) {
        return java.util.Arrays.stream(values()).filter(v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0)
                .map(TlsVersion::jdkName).toArray(String[]::new);
    }
}
