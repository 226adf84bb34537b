/**
 * The message library: named messages saved from a send editor and sent again from any socket tab's messages panel.
 */
package com.socketworkbench.ui.messages;
