package io.rigstream.launcher;

import io.rigstream.simulator.FleetSimulator;
import io.rigstream.simulator.Scenario;
import io.rigstream.simulator.Simulation;
import io.rigstream.simulator.gateway.MqttFleetPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Publish a simulated fleet's gateway messages to an MQTT broker and write the ground truth.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--mqtt", defaultValue = "tcp://localhost:1883", description = "MQTT broker URI (default ${DEFAULT-VALUE}).")
    String mqttUri;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed repeats the run exactly.")
    long seed;

    @Option(names = "--equipment", defaultValue = "20", description = "Number of machines (default ${DEFAULT-VALUE}).")
    int equipment;

    @Option(names = "--jobs", defaultValue = "4", description = "Number of job sites (default ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--days", defaultValue = "2", description = "Simulated site-local days (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--last-day", description = "Last simulated day, yyyy-MM-dd (default: the last weekday at least two days ago).")
    LocalDate lastDay;

    @Option(names = "--readings-per-minute", defaultValue = "1", description = "Readings per minute while an engine runs.")
    int readingsPerMinute;

    @Option(names = "--truth", defaultValue = "ground-truth.json", description = "Where to write the ground truth (default ${DEFAULT-VALUE}).")
    Path truthFile;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = new Scenario(seed, equipment, jobs, days, lastDay == null ? DemoDefaults.lastDay() : lastDay,
                Duration.ofSeconds(60 / Math.max(1, readingsPerMinute)), Duration.ofMinutes(15), 0.01, 3, "acme");
        Simulation simulation = FleetSimulator.run(scenario);
        simulation.truth().writeJson(truthFile);
        try (MqttFleetPublisher publisher = new MqttFleetPublisher(mqttUri, "rigstream-sim-" + seed, 4, 200)) {
            publisher.publishAll(simulation.messages(), sent -> System.err.printf("\rpublished %,d / %,d messages",
                    sent, simulation.messages().size()));
        }
        System.err.println();
        System.out.printf("Published %,d messages (%,d readings) for %d machines; ground truth in %s%n",
                simulation.messages().size(), simulation.truth().validReadings(), equipment, truthFile.toAbsolutePath());
        return 0;
    }
}
