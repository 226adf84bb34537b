package com.socketworkbench.ui.rate;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A socket tab's rate chart ({@code #rateChart}): bytes/s and messages/s received and sent over the last
 * {@link RateHistory#SECONDS} seconds, from the tab's {@link RateHistory}. Redrawn at most twice a second, only while
 * the tab is shown (see {@link ShownTick}) and only when something changed. The summary line
 * ({@code #rateChartSummary}: {@code #rateChartReceived}, {@code #rateChartSent}) says the current rates, and says
 * them in words to screen readers. The plots ({@code #rateChartBody}) fold away with {@code #rateChartToggle}, and by
 * themselves while the traffic column is too short to give them room, so the timeline keeps its height in a small
 * window.
 */
public final class RateChart {
    /** Below this height of the traffic column the plots fold by themselves: the timeline needs the room more. */
    static final double MIN_ROOM = 300;
    private static final long REDRAW_NANOS = 500_000_000L;
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.rate.rate");
    private static final String STYLESHEET = RateChart.class.getResource("rate.css").toExternalForm();

    private final RateHistory history;
    private final VBox root = new VBox();
    private final ToggleButton toggle = new ToggleButton(TEXT.get("chart.toggle"));
    private final Label received = new Label();
    private final Label sent = new Label();
    private final FlowPane summary = new FlowPane(8, 2);
    private final RatePlot bytes = new RatePlot("rateChartBytes");
    private final RatePlot messages = new RatePlot("rateChartMessages");
    private final HBox body = new HBox(8, bytes, messages);
    private long lastDrawNanos = Long.MIN_VALUE;
    /** The user folded the plots: they stay folded however tall the column gets. */
    private boolean userFolded;

    public RateChart(RateHistory history, Subscriptions subscriptions) {
        this.history = history;
        root.setId("rateChart");
        root.getStyleClass().add("rate-chart");
        root.getStylesheets().add(STYLESHEET);
        toggle.setId("rateChartToggle");
        toggle.setSelected(true);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setAccessibleText(TEXT.get("chart.toggle.accessible"));
        // The current rates double as the legend: received in the received colour, sent in the sent colour. In a
        // narrow traffic area they wrap onto a second line rather than being cut.
        received.setId("rateChartReceived");
        received.getStyleClass().addAll("rate-summary", "rate-legend-received");
        received.setMinWidth(Region.USE_PREF_SIZE);
        sent.setId("rateChartSent");
        sent.getStyleClass().addAll("rate-summary", "rate-legend-sent");
        sent.setMinWidth(Region.USE_PREF_SIZE);
        summary.setId("rateChartSummary");
        summary.setAlignment(Pos.CENTER_LEFT);
        summary.getChildren().addAll(toggle, received, sent);
        summary.getStyleClass().add("rate-header");
        body.setId("rateChartBody");
        body.getStyleClass().add("rate-body");
        HBox.setHgrow(bytes, Priority.ALWAYS);
        HBox.setHgrow(messages, Priority.ALWAYS);
        body.visibleProperty().bind(toggle.selectedProperty());
        body.managedProperty().bind(body.visibleProperty());
        toggle.setOnAction(event -> userFolded = !toggle.isSelected());
        root.getChildren().addAll(summary, body);
        // Never squeezed to nothing by the timeline below it: the header (and the plots while unfolded) keep their
        // height; a short column folds the plots instead (see above()).
        summary.setMinHeight(Region.USE_PREF_SIZE);
        root.setMinHeight(Region.USE_PREF_SIZE);
        subscriptions.subscribe(toggle.selectedProperty(), on -> redraw(System.nanoTime()));
        new ShownTick(root, this::tick, subscriptions);
        redraw(System.nanoTime());
    }

    /**
     * {@code timeline} with a rate chart over {@code history} above it, in one column whose timeline takes the height
     * left. The plots fold by themselves when the column gets shorter than {@link #MIN_ROOM} and unfold when it gets
     * taller again, unless the user folded them; the user may still unfold them in a short column.
     */
    public static Region above(Node timeline, RateHistory history, Subscriptions subscriptions) {
        RateChart chart = new RateChart(history, subscriptions);
        VBox column = new VBox(chart.view(), timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        column.setMinHeight(0);
        column.setFillWidth(true);
        chart.toggle.setSelected(false);
        subscriptions.subscribe(column.heightProperty().greaterThanOrEqualTo(MIN_ROOM),
                roomy -> chart.toggle.setSelected(roomy && !chart.userFolded));
        return column;
    }

    public Region view() {
        return root;
    }

    /** Whether the plots are meant to show (the toggle), whatever room they get. */
    public boolean isExpanded() {
        return toggle.isSelected();
    }

    /** The current rates in words ({@code #rateChartSummary}'s accessible text). */
    public String summaryText() {
        return summary.getAccessibleText();
    }

    private void tick() {
        long now = System.nanoTime();
        if (lastDrawNanos == Long.MIN_VALUE || now - lastDrawNanos >= REDRAW_NANOS) {
            redraw(now);
        }
    }

    /** Samples the counters (so seconds without a pulse read as zero) and shows the last minute. */
    private void redraw(long now) {
        lastDrawNanos = now;
        history.sample(now);
        RateHistory.Rates rates = history.rates(now);
        String bytesIn = RateScale.bytes(rates.latestBytesIn());
        String bytesOut = RateScale.bytes(rates.latestBytesOut());
        String messagesIn = RateScale.count(rates.latestMessagesIn());
        String messagesOut = RateScale.count(rates.latestMessagesOut());
        String in = TEXT.get("summary.received", bytesIn, messagesIn);
        String out = TEXT.get("summary.sent", bytesOut, messagesOut);
        if (!in.equals(received.getText()) || !out.equals(sent.getText())) {
            received.setText(in);
            sent.setText(out);
            summary.setAccessibleText(TEXT.get("summary.accessible", bytesIn, messagesIn, bytesOut, messagesOut));
        }
        if (!toggle.isSelected()) {
            return;
        }
        double byteTop = RateScale.byteAxis(rates.peakBytes());
        bytes.show(rates.bytesIn(), rates.bytesOut(), byteTop, RateScale.bytes(byteTop));
        double messageTop = RateScale.countAxis(rates.peakMessages());
        messages.show(rates.messagesIn(), rates.messagesOut(), messageTop,
                TEXT.get("plot.messages", RateScale.count(messageTop)));
    }

    RatePlot bytesPlot() {
        return bytes;
    }

    RatePlot messagesPlot() {
        return messages;
    }
}
