/** The send file panel of the socket tabs ({@code sendFile}). */
package com.socketworkbench.ui.sendfile;
