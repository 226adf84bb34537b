package com.socketworkbench.engine.tls;

/** How a certificate and its private key are stored. */
public enum KeyFormat {
    /** One .p12/.pfx file holding key and chain, usually with a password. */
    PKCS12,
    /** PEM text: the chain and the key in two files, or both in one. */
    PEM
}
