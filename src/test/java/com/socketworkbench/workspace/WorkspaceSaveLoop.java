package com.socketworkbench.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link WorkspaceFileTest}: saves two different large workspaces to one path in turn, at most
 * {@value #SAVES} times or {@value #SECONDS} seconds, until the test kills it.
 */
public final class WorkspaceSaveLoop {
    static final int SAVES = 2_000;
    static final int SECONDS = 60;

    private WorkspaceSaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        List<Workspace> both = List.of(big('a'), big('b'));
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        for (int i = 0; i < SAVES && System.nanoTime() < end; i++) {
            WorkspaceFile.save(both.get(i % 2), file);
        }
    }

    /** About 4 MB of JSON, so a save takes long enough to be killed in the middle of it. */
    static Workspace big(char fill) {
        MemoryPreferences node = new MemoryPreferences();
        for (int i = 0; i < 64; i++) {
            node.put("value" + i, String.valueOf(fill).repeat(64 * 1024));
        }
        return new Workspace(List.of(new TabState("tcpClient", "fill " + fill, Settings.of(node))), 0, List.of());
    }
}
