/**
 * The Scenario tab ({@code #scenario}): edit, open and save a scenario file, run it against real sockets with
 * {@link com.socketworkbench.engine.scenario.ScenarioRunner}, watch each step turn passed or failed, and see the
 * traffic in the tab's own timeline.
 */
package com.socketworkbench.ui.scenario;
