package io.rigstream.ingest.mapping;

import static io.rigstream.ingest.mapping.MapperFixtures.NOW;
import static io.rigstream.ingest.mapping.MapperFixtures.TOPIC;
import static io.rigstream.ingest.mapping.MapperFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rigstream.schemas.EngineStatus;
import io.rigstream.schemas.Fault;
import io.rigstream.schemas.FuelStatus;
import io.rigstream.schemas.Location;
import io.rigstream.schemas.TelemetryReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties over many generated inputs: the mapper never throws, every reading of a batch is
 * accounted for exactly once and in order, and whatever it accepts honours the contract.
 */
class PayloadMapperPropertiesTest {

    private final PayloadMapper mapper = MapperFixtures.mapper();

    @Property
    void randomBytesNeverMakeTheMapperThrow(@ForAll @Size(max = 512) byte[] body, @ForAll("topics") String topic) {
        assertWellFormed(topic, mapper.map(topic, body));
    }

    @Property
    void randomJsonTreesNeverMakeTheMapperThrowAndMapTheSameEveryTime(@ForAll("trees") JsonNode tree) {
        byte[] body = utf8(tree.toString());

        MappingResult result = mapper.map(TOPIC, body);

        assertWellFormed(TOPIC, result);
        assertThat(mapper.map(TOPIC, body)).isEqualTo(result);
    }

    @Property
    void mutatedContractExamplesNeverMakeTheMapperThrow(@ForAll("mutatedExamples") byte[] body) {
        assertWellFormed(TOPIC, mapper.map(TOPIC, body));
    }

    /** Fewer tries than the default: generating lists of nested readings is what costs here, not mapping. */
    @Property(tries = 400)
    void everyReadingOfABatchIsAcceptedOrRejectedOnceInOrderWhateverItsNeighbours(
            @ForAll("readingLists") List<JsonNode> readings, @ForAll boolean asBatchObject) {
        String array = readings.stream().map(JsonNode::toString).collect(Collectors.joining(",", "[", "]"));
        String body = asBatchObject ? "{\"equipmentId\": \"EX-0042\", \"readings\": " + array + "}" : array;

        MappingResult batch = mapper.map(TOPIC, utf8(body));

        List<TelemetryReading> acceptedAlone = new ArrayList<>();
        List<RejectedAt> rejectedAlone = new ArrayList<>();
        for (int index = 0; index < readings.size(); index++) {
            MappingResult alone = mapper.map(TOPIC, utf8("[" + readings.get(index) + "]"));
            acceptedAlone.addAll(alone.accepted());
            for (Rejection rejection : alone.rejected()) {
                rejectedAlone.add(new RejectedAt(index, rejection.reason(), rejection.detail()));
            }
        }
        assertThat(batch.accepted().size() + batch.rejected().size()).isEqualTo(readings.size());
        assertThat(batch.accepted()).isEqualTo(acceptedAlone);
        assertThat(batch.rejected())
                .map(r -> new RejectedAt(r.readingIndex(), r.reason(), r.detail()))
                .isEqualTo(rejectedAlone);
        assertWellFormed(TOPIC, batch);
        Statistics.label("batch holds").collect(
                batch.accepted().isEmpty() ? "no accepted" : "accepted",
                batch.rejected().isEmpty() ? "no rejected" : "rejected");
        Statistics.label("batch holds").coverage(coverage ->
                coverage.check("accepted", "rejected").percentage(percent -> percent > 10));
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(TOPIC)),
                Tuple.of(1, Arbitraries.of("fleet/acme/EX-0042/status", "", "fleet/a b/x/telemetry", "fleet/+/#")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
    }

    @Provide
    Arbitrary<JsonNode> trees() {
        return Arbitraries.oneOf(JsonArbitraries.trees(), JsonArbitraries.readingLike());
    }

    @Provide
    Arbitrary<List<JsonNode>> readingLists() {
        return Arbitraries.frequencyOf(Tuple.of(9, JsonArbitraries.readingLike()), Tuple.of(1, JsonArbitraries.trees()))
                .list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<byte[]> mutatedExamples() {
        Arbitrary<byte[]> examples = Arbitraries.of("single-reading.json", "store-and-forward-batch.json",
                "bare-array.json", "invalid-mixed-batch.json").map(MapperFixtures::contractExample);
        Arbitrary<Byte> bytes = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("{}[]\",:-.e019n \\".chars().mapToObj(c -> (byte) c).toList())),
                Tuple.of(1, Arbitraries.bytes()));
        Arbitrary<Mutation> mutations = Combinators.combine(
                        Arbitraries.of(MutationKind.class), Arbitraries.integers().between(0, 4_000),
                        bytes, Arbitraries.integers().between(1, 40))
                .as(Mutation::new);
        return Combinators.combine(examples, mutations.list().ofMinSize(1).ofMaxSize(4))
                .as((example, list) -> {
                    byte[] mutated = example;
                    for (Mutation mutation : list) {
                        mutated = mutation.applyTo(mutated);
                    }
                    return mutated;
                });
    }

    /** The invariants of any result, plus the contract's rules for every accepted reading. */
    private static void assertWellFormed(String topic, MappingResult result) {
        boolean wholeMessageRejected = result.rejected().stream().anyMatch(r -> r.readingIndex() == null);
        if (wholeMessageRejected) {
            assertThat(result.accepted()).isEmpty();
            assertThat(result.rejected()).hasSize(1);
        }
        if (result.address() == null) {
            assertThat(result.rejected()).extracting(Rejection::reason).containsExactly(ReasonCode.BAD_TOPIC);
        }
        for (Rejection rejection : result.rejected()) {
            assertThat(rejection.detail()).isNotBlank();
            assertThat(rejection.address()).isEqualTo(result.address());
            assertThat(rejection.toAvro(topic, NOW).getReason()).isEqualTo(rejection.reason().name());
        }
        result.accepted().forEach(PayloadMapperPropertiesTest::assertHonoursTheContract);
    }

    private static void assertHonoursTheContract(TelemetryReading reading) {
        assertThat(reading.getTenant()).isEqualTo("acme");
        assertThat(reading.getEquipmentId()).isEqualTo("EX-0042");
        assertThat(reading.getReceivedTs()).isEqualTo(NOW);
        assertThat(reading.getDeviceTs()).isBetween(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofMinutes(10)));
        assertThat(reading.getSeq()).satisfiesAnyOf(seq -> assertThat(seq).isNull(), seq -> assertThat(seq).isNotNegative());
        assertThat(reading.getGps() != null || reading.getEngine() != null || reading.getFuel() != null
                || reading.getCumulativeDistanceKm() != null || reading.getFaults() != null).isTrue();
        Location gps = reading.getGps();
        if (gps != null) {
            assertThat(gps.getLatitude() == null).isEqualTo(gps.getLongitude() == null);
            assertWithin(gps.getLatitude(), -90, 90);
            assertWithin(gps.getLongitude(), -180, 180);
            assertWithin(gps.getHeadingDegrees(), 0, 359.999_999_999);
            assertWithin(gps.getSpeedKmh(), 0, Double.MAX_VALUE);
            assertWithin(gps.getHdop(), 0, Double.MAX_VALUE);
            assertWithin(gps.getAltitudeMetres(), -Double.MAX_VALUE, Double.MAX_VALUE);
        }
        EngineStatus engine = reading.getEngine();
        if (engine != null) {
            assertWithin(engine.getCumulativeOperatingHours(), 0, Double.MAX_VALUE);
            assertWithin(engine.getCumulativeIdleHours(), 0, Double.MAX_VALUE);
            assertWithin(engine.getRpm(), 0, Double.MAX_VALUE);
            assertWithin(engine.getLoadPct(), 0, 100);
        }
        FuelStatus fuel = reading.getFuel();
        if (fuel != null) {
            assertWithin(fuel.getRemainingPct(), 0, 100);
            assertWithin(fuel.getCumulativeUsedLitres(), 0, Double.MAX_VALUE);
            assertWithin(fuel.getTankCapacityLitres(), Double.MIN_VALUE, Double.MAX_VALUE);
        }
        assertWithin(reading.getCumulativeDistanceKm(), 0, Double.MAX_VALUE);
        if (reading.getFaults() != null) {
            for (Fault fault : reading.getFaults()) {
                assertThat(fault.getSpn()).isBetween(0, 524_287);
                assertThat(fault.getFmi()).isBetween(0, 31);
                assertThat(fault.getLamp()).isNotNull();
                if (fault.getSourceAddress() != null) {
                    assertThat(fault.getSourceAddress()).isBetween(0, 255);
                }
                if (fault.getOccurrenceCount() != null) {
                    assertThat(fault.getOccurrenceCount()).isNotNegative();
                }
            }
        }
        assertThat(reading.getExt().values()).allSatisfy(value -> {
            assertThat(value).isInstanceOfAny(String.class, Long.class, Double.class, Boolean.class);
            if (value instanceof Double number) {
                assertThat(number).isFinite();
            }
        });
    }

    private static void assertWithin(Double value, double min, double max) {
        if (value != null) {
            assertThat(value).isBetween(min, max);
        }
    }

    record RejectedAt(Integer index, ReasonCode reason, String detail) {
    }

    enum MutationKind { REPLACE, DELETE, INSERT, DUPLICATE, TRUNCATE }

    /** One edit of a body; positions wrap around its length so every edit applies. */
    record Mutation(MutationKind kind, int position, byte value, int length) {

        byte[] applyTo(byte[] body) {
            if (body.length == 0) {
                return new byte[] {value};
            }
            int at = position % body.length;
            int span = Math.min(length, body.length - at);
            return switch (kind) {
                case REPLACE -> {
                    byte[] copy = body.clone();
                    copy[at] = value;
                    yield copy;
                }
                case DELETE -> concat(Arrays.copyOfRange(body, 0, at), Arrays.copyOfRange(body, at + span, body.length));
                case INSERT -> concat(Arrays.copyOfRange(body, 0, at), new byte[] {value},
                        Arrays.copyOfRange(body, at, body.length));
                case DUPLICATE -> concat(Arrays.copyOfRange(body, 0, at + span), Arrays.copyOfRange(body, at, body.length));
                case TRUNCATE -> Arrays.copyOf(body, at);
            };
        }

        private static byte[] concat(byte[]... parts) {
            byte[] all = new byte[Arrays.stream(parts).mapToInt(part -> part.length).sum()];
            int offset = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, all, offset, part.length);
                offset += part.length;
            }
            return all;
        }
    }
}
