package com.socketworkbench.ui.tab;

import com.socketworkbench.workspace.Settings;
import com.socketworkbench.workspace.TabState;
import com.socketworkbench.workspace.Workspace;
import com.socketworkbench.workspace.WorkspaceFormatException;
import com.socketworkbench.workspace.WorkspaceJson;

import java.util.List;

/**
 * What the window does with a tab's settings when it saves a workspace and opens it again: {@code Settings.of} the
 * tab's node, then a fresh in-memory node from them (optionally through the workspace JSON text as well).
 */
public final class WorkspaceCopy {
    private WorkspaceCopy() {
    }

    /** A new preferences node holding exactly what {@code saved} holds, as a reopened workspace tab gets it. */
    public static AppPreferences reopened(AppPreferences saved) {
        return new AppPreferences(Settings.of(saved.node()).toPreferences());
    }

    /** As {@link #reopened}, with the settings written to workspace JSON and read back on the way. */
    public static AppPreferences throughJson(AppPreferences saved, String kind, String title)
            throws WorkspaceFormatException {
        Workspace workspace = new Workspace(List.of(new TabState(kind, title, Settings.of(saved.node()))), 0,
                List.of());
        Workspace read = WorkspaceJson.read(WorkspaceJson.write(workspace));
        return new AppPreferences(read.tabs().getFirst().settings().toPreferences());
    }
}
