/**
 * The periodic send panel of the socket tabs ({@code repeatSend}), and the side-panel plumbing it shares with the
 * send file panel.
 */
package com.socketworkbench.ui.repeat;
