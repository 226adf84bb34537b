/**
 * Scenarios: "send this, expect that within T" scripts read from YAML ({@link ScenarioParser}, see
 * docs/scenarios.md) and run against real sockets by {@link ScenarioRunner}, in the window and headless. A run
 * reports traffic through an {@link com.socketworkbench.engine.event.EventSink} and step progress through a
 * {@link ScenarioListener}; it ends with a {@link ScenarioResult}. No JavaFX here.
 */
package com.socketworkbench.engine.scenario;
