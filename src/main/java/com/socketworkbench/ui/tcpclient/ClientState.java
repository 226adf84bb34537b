package com.socketworkbench.ui.tcpclient;

/** The client connection as the UI sees it. */
public enum ClientState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED,
    DISCONNECTING
}
