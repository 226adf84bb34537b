package com.socketworkbench.workspace;

import java.util.List;

/**
 * Everything a workspace file holds.
 *
 * @param tabs        the window's tabs, in order
 * @param selectedTab index into {@code tabs} of the tab shown when the workspace opens
 * @param messages    the message library, in the user's order
 */
public record Workspace(List<TabState> tabs, int selectedTab, List<SavedMessage> messages) {
    /** The file format this build writes; it reads this version and every older one. */
    public static final int VERSION = 1;

    public Workspace {
        tabs = List.copyOf(tabs);
        messages = List.copyOf(messages);
        selectedTab = tabs.isEmpty() ? 0 : Math.clamp(selectedTab, 0, tabs.size() - 1);
    }
}
