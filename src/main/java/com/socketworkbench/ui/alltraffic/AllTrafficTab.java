package com.socketworkbench.ui.alltraffic;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/**
 * The All-traffic tab ({@code #allTraffic}): every socket tab's events in one timeline, the way one {@code select()}
 * watches many sockets, over the window's hub from the {@link TabContext}.
 */
public final class AllTrafficTab extends ModelViewTab<AllTrafficModel, AllTrafficView> {
    static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.alltraffic.alltraffic");

    public AllTrafficTab(TabContext context) {
        super(context, kindTitle(), "allTraffic", (preferences, executor, subscriptions) ->
                new AllTrafficModel(context.allTraffic(), subscriptions), AllTrafficView::new);
    }

    /** The tab's header text in the language in use. */
    public static String kindTitle() {
        return TEXT.get("tab.title");
    }

    public AllTrafficView allTrafficView() {
        return content();
    }
}
