package com.socketworkbench.ui.tcpserver;

/** Who the server's Send button writes to. */
public enum SendTarget {
    SELECTED("send.target.selected"),
    ALL("send.target.all");

    private final String key;

    SendTarget(String key) {
        this.key = key;
    }

    @Override
    public String toString() {
        return ServerTexts.TEXT.get(key);
    }

}
