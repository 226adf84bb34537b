package com.socketworkbench.ui.tcpserver;

/** Who the server's Send button writes to. */
public enum SendTarget {
    SELECTED("Selected client"),
    ALL("All clients");

    private final String label;

    SendTarget(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
