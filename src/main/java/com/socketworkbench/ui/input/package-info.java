/**
 * Settings fields with live validation at the place they are typed: host, port, bind address, and editable
 * whole-number spinners.
 */
package com.socketworkbench.ui.input;
