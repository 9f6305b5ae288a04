package io.rigstream.simulator;

import io.rigstream.simulator.fleet.FleetPlan;
import io.rigstream.simulator.gateway.GatewayMessage;
import io.rigstream.simulator.truth.GroundTruth;
import java.util.List;

/** A simulated fleet's plan, the messages its gateways publish (in publish order), and the truth behind them. */
public record Simulation(Scenario scenario, FleetPlan plan, List<GatewayMessage> messages, GroundTruth truth) {
}
