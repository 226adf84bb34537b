package com.socketworkbench.ui.tools;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.tools.Resolver;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/**
 * The Tools tab: socket concepts made tangible. This host's names and interfaces, name resolution, the services
 * table and port ranges, address conversion and classification, subnet arithmetic, and a port check.
 */
public final class ToolsTab extends ModelViewTab<ToolsViewModel, ToolsView> {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.tools.tools");

    public ToolsTab(TabContext context) {
        super(context, TEXT.get("tab.title"), "tools",
                (preferences, executor, subscriptions) -> new ToolsViewModel(preferences, new Resolver(), executor,
                        subscriptions),
                (model, subscriptions) -> {
                    ToolsView view = new ToolsView(model, subscriptions);
                    // The view is built when the tab is first selected: that is when the tools start looking.
                    model.viewShown();
                    return view;
                });
    }

    public ToolsView toolsView() {
        return content();
    }
}
