/**
 * Periodic send: the same (or field-rendered) payload sent every interval from one virtual thread, scheduled from the
 * start time so drift does not accumulate. No JavaFX.
 */
package com.socketworkbench.engine.repeat;
