/**
 * The traffic views every socket tab shows: the capped timeline ({@link com.socketworkbench.ui.traffic.TimelineModel},
 * the one owner of what is held, shown and trimmed;
 * {@link com.socketworkbench.ui.traffic.TimelineView}), the payload inspector with its virtualised hex dump, the send
 * editor with its history, and {@link com.socketworkbench.ui.traffic.TabTraffic}, which holds a
 * tab's timeline and pump together. Bytes stay bytes here until a cell decodes them with an explicit charset.
 */
package com.socketworkbench.ui.traffic;
