package com.socketworkbench.ui.tab;

/**
 * What the window hands every tab it creates. A record so that more shared services can be added later without
 * changing the {@link TabFactory} signature.
 *
 * @param preferences where the tab remembers its last settings; tabs use their own child node
 *                    ({@code preferences.child("tcpServer")})
 */
public record TabContext(AppPreferences preferences) {
}
