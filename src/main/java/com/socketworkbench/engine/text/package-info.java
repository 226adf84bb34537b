/**
 * Words and numbers for people that every part of the workbench shares, engine and UI alike, so that the same
 * quantity reads the same in a timeline row, a failure message and a tool's result
 * ({@link com.socketworkbench.engine.text.DurationText}).
 */
package com.socketworkbench.engine.text;
