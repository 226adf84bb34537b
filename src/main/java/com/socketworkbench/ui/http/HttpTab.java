package com.socketworkbench.ui.http;

import com.socketworkbench.ui.tab.ModelViewTab;
import com.socketworkbench.ui.tab.TabContext;

/** The HTTP tab: compose a raw request, send it, and see the response exactly as it arrived, explained. */
public final class HttpTab extends ModelViewTab<HttpViewModel, HttpView> {

    public HttpTab(TabContext context) {
        super(context, "HTTP", "http", (preferences, executor, subscriptions) -> new HttpViewModel(preferences,
                executor, subscriptions, context.webSockets()), HttpView::new);
    }

    /** The tab's view, made on first use: tests answer its CA file dialog themselves. */
    public HttpView httpView() {
        return content();
    }

    /** A request in flight counts: closing the tab cancels it. */
    @Override
    public boolean isLive() {
        return model().busyProperty().get();
    }
}
