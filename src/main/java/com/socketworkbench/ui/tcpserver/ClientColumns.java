package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.tls.TlsSessionDetails;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tls.TlsColumns;
import com.socketworkbench.ui.traffic.Formats;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static com.socketworkbench.ui.tcpserver.ServerTexts.TEXT;

/**
 * The clients table's columns: remote address, connected since, bytes in and out (counted like the status bar), the
 * last second's rates, and the bytes of an unfinished frame; numbers right-aligned, each header with its tooltip.
 */
final class ClientColumns {
    private ClientColumns() {
    }

    static List<TableColumn<ClientRow, ?>> all() {
        TableColumn<ClientRow, String> remote = new TableColumn<>(TEXT.get("column.remote"));
        remote.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().remote()));
        // Wide enough for the longest IPv4 address and port (255.255.255.255:65535) to read whole.
        remote.setPrefWidth(170);
        TableColumn<ClientRow, Instant> since = new TableColumn<>(TEXT.get("column.since"));
        since.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().since()));
        since.setCellFactory(column -> new FormattedCell<>(Formats::clock));
        since.setPrefWidth(70);
        TableColumn<ClientRow, Number> in = numberColumn("column.in", ClientRow::bytesInProperty, 52,
                value -> Formats.bytes(value.longValue()));
        TableColumn<ClientRow, Number> out = numberColumn("column.out", ClientRow::bytesOutProperty, 52,
                value -> Formats.bytes(value.longValue()));
        TableColumn<ClientRow, Number> rateIn = numberColumn("column.rate.in", ClientRow::rateInProperty, 60,
                ClientColumns::rate);
        TableColumn<ClientRow, Number> rateOut = numberColumn("column.rate.out", ClientRow::rateOutProperty, 60,
                ClientColumns::rate);
        TableColumn<ClientRow, Number> pending = new TableColumn<>();
        pending.setCellValueFactory(data -> data.getValue().pendingBytesProperty());
        pending.setCellFactory(column -> new FormattedCell<>(value -> value.longValue() == 0 ? ""
                : Formats.bytes(value.longValue())));
        pending.setPrefWidth(72);
        pending.setText(null);
        pending.setGraphic(header("column.pending"));
        pending.getStyleClass().addAll("numeric-column", "pending-column");
        return List.of(remote, since, in, out, rateIn, rateOut, pending);
    }

    /**
     * The TLS columns: version, cipher suite, the ALPN protocol agreed, the server name the client asked for (SNI)
     * and the client certificate's subject; "—" for none.
     */
    static List<TableColumn<ClientRow, TlsSessionDetails>> tls() {
        return List.of(tlsColumn(TlsColumns.PROTOCOL), tlsColumn(TlsColumns.CIPHER), tlsColumn(TlsColumns.ALPN),
                tlsColumn(TlsColumns.SNI), tlsColumn(TlsColumns.CLIENT_CERTIFICATE));
    }

    private static TableColumn<ClientRow, TlsSessionDetails> tlsColumn(TlsColumns which) {
        TableColumn<ClientRow, TlsSessionDetails> column = new TableColumn<>();
        column.setCellValueFactory(data -> data.getValue().tlsProperty());
        column.setCellFactory(ignored -> new FormattedCell<>(which::text));
        column.setPrefWidth(which.width());
        Label header = new Label(which.title());
        Tips.install(header, which.tooltip());
        column.setGraphic(header);
        column.getStyleClass().add("tls-column");
        column.setId(which.columnId());
        return column;
    }

    /** "1.2 KiB/s": a rate in the units of the byte columns. */
    private static String rate(Number bytesPerSecond) {
        return Formats.bytes(bytesPerSecond.longValue()) + "/s";
    }

    /** A right-aligned number column of the clients table, its header a label with the column's tooltip. */
    private static TableColumn<ClientRow, Number> numberColumn(String key,
                                                               Function<ClientRow, ObservableValue<Number>> value,
                                                               double width, Function<Number, String> format) {
        TableColumn<ClientRow, Number> column = new TableColumn<>();
        column.setCellValueFactory(data -> value.apply(data.getValue()));
        column.setCellFactory(ignored -> new FormattedCell<>(format));
        column.setPrefWidth(width);
        column.setGraphic(header(key));
        column.getStyleClass().add("numeric-column");
        return column;
    }

    /** A column header with a tooltip: the text of {@code key}, the tooltip of {@code key.tooltip}. */
    private static Label header(String key) {
        Label header = new Label(TEXT.get(key));
        Tips.install(header, TEXT.get(key + ".tooltip"));
        return header;
    }

    /** A table cell that shows its value through a formatter. */
    private static final class FormattedCell<T> extends TableCell<ClientRow, T> {
        private final java.util.function.Function<T, String> format;

        FormattedCell(java.util.function.Function<T, String> format) {
            this.format = format;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : format.apply(item));
        }
    }
}
