/**
 * TLS in the TCP tabs, shared by the TCP Client and TCP Server tabs: the settings as typed and remembered
 * ({@link com.socketworkbench.ui.tls.TlsClientForm}, {@link com.socketworkbench.ui.tls.TlsServerForm}, their inputs
 * with plain-words verdicts), their panels ({@code #tlsSettings}) and the words of a handshake in the timeline
 * ({@link com.socketworkbench.ui.tls.TlsEventText}: the one-line row and the certificate chain in the details).
 * Insecure mode and passwords live only in memory: they are never written to a workspace or the preferences.
 */
package com.socketworkbench.ui.tls;
