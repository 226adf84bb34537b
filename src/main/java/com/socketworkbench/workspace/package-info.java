/**
 * Workspace files: what a workspace holds ({@link com.socketworkbench.workspace.Workspace}: tabs with their settings,
 * the message library), its JSON form ({@link com.socketworkbench.workspace.WorkspaceJson}, schema in
 * docs/workspace.md) and safe saving ({@link com.socketworkbench.workspace.WorkspaceFile}: temporary file, flush,
 * rename, previous version kept as {@code .bak}). No JavaFX here: the window and the tabs adapt it.
 */
package com.socketworkbench.workspace;
