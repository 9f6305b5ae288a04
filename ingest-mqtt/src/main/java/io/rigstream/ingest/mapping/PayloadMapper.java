package io.rigstream.ingest.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rigstream.schemas.TelemetryReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps one MQTT message (topic and body) per gateway payload contract v1 into accepted
 * {@link TelemetryReading}s and {@link Rejection}s. A pure function of its arguments and the clock:
 * it does no I/O, is thread-safe, and never throws, whatever the bytes.
 */
public final class PayloadMapper {

    /**
     * Duplicate keys are refused because they make a reading mean what the last parser to read it
     * decides; trailing tokens because {@code {...} garbage} is not one JSON text.
     */
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    private static final byte[] NO_BYTES = {};
    private static final int MAX_PARSER_MESSAGE_CHARS = 200;

    private final TopicTemplate template;
    private final MappingLimits limits;
    private final Clock clock;

    public PayloadMapper(TopicTemplate template, MappingLimits limits, Clock clock) {
        this.template = Objects.requireNonNull(template, "template");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Maps one message; a null topic or payload is rejected like any other bad input. */
    public MappingResult map(String mqttTopic, byte[] payload) {
        byte[] body = payload == null ? NO_BYTES : payload;
        Optional<TopicAddress> address = template.match(mqttTopic);
        if (address.isEmpty()) {
            return rejectMessage(null, ReasonCode.BAD_TOPIC, "topic "
                    + (mqttTopic == null ? "null" : "'" + JsonValues.shorten(mqttTopic) + "'")
                    + " does not match the template '" + template + "'", body);
        }
        return mapBody(address.get(), body);
    }

    private MappingResult mapBody(TopicAddress address, byte[] body) {
        if (body.length > limits.maxPayloadBytes()) {
            // Only the first maxPayloadBytes go to the dead letter: the whole body may be more than Kafka takes.
            return rejectMessage(address, ReasonCode.TOO_LARGE, "body of " + body.length
                    + " bytes exceeds the limit of " + limits.maxPayloadBytes() + " bytes (dead letter keeps the first "
                    + limits.maxPayloadBytes() + ")", Arrays.copyOf(body, limits.maxPayloadBytes()));
        }
        int invalidByte = StrictUtf8.firstInvalidByte(body);
        if (invalidByte >= 0) {
            return rejectMessage(address, ReasonCode.MALFORMED_JSON, String.format(
                    "body is not UTF-8 JSON: byte 0x%02X at offset %d", body[invalidByte] & 0xFF, invalidByte), body);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            // Jackson is third-party code fed untrusted bytes: whatever it fails with, the body is not usable JSON.
            return rejectMessage(address, ReasonCode.MALFORMED_JSON, "body is not JSON: " + describe(e), body);
        }
        if (root == null || root.isMissingNode()) {
            return rejectMessage(address, ReasonCode.MALFORMED_JSON, "body is empty", body);
        }
        ReceptionContext context = ReceptionContext.of(address, clock.instant(), limits);
        if (root.isArray()) {
            return mapBatch(root, context, body);
        }
        if (!root.isObject()) {
            return rejectMessage(address, ReasonCode.BAD_TYPE, "body " + JsonValues.show(root) + " is "
                    + JsonValues.typeOf(root) + ", expected a reading object, a batch object or an array", body);
        }
        if (root.has("readings")) {
            return mapBatchObject(root, context, body);
        }
        return mapSingleReading(root, context, body);
    }

    private MappingResult mapSingleReading(JsonNode reading, ReceptionContext context, byte[] body) {
        ReadingOutcome outcome = ReadingMapper.map(reading, context);
        if (outcome instanceof ReadingOutcome.Accepted accepted) {
            return new MappingResult(context.address(), List.of(accepted.reading()), List.of());
        }
        Violation violation = ((ReadingOutcome.Rejected) outcome).violation();
        return rejectMessage(context.address(), violation.reason(), violation.detail(), body);
    }

    /** A batch object: {@code {"equipmentId": ..., "readings": [...]}}. */
    private MappingResult mapBatchObject(JsonNode batch, ReceptionContext context, byte[] body) {
        TopicAddress address = context.address();
        JsonNode readings = batch.get("readings");
        if (!readings.isArray()) {
            return rejectMessage(address, ReasonCode.BAD_TYPE, "readings " + JsonValues.show(readings)
                    + " is " + JsonValues.typeOf(readings) + ", expected an array", body);
        }
        JsonNode equipmentId = FieldReader.present(batch, "equipmentId");
        if (equipmentId != null && !equipmentId.isTextual()) {
            return rejectMessage(address, ReasonCode.BAD_TYPE, "equipmentId " + JsonValues.show(equipmentId)
                    + " is " + JsonValues.typeOf(equipmentId) + ", expected a string", body);
        }
        if (equipmentId != null && !equipmentId.textValue().equals(address.equipmentId())) {
            return rejectMessage(address, ReasonCode.EQUIPMENT_MISMATCH, "batch equipmentId "
                    + JsonValues.show(equipmentId) + " differs from the topic's \"" + address.equipmentId() + "\"", body);
        }
        return mapBatch(readings, context, body);
    }

    /** The readings of a batch object or a bare array: each invalid one is rejected alone. */
    private MappingResult mapBatch(JsonNode readings, ReceptionContext context, byte[] body) {
        int count = readings.size();
        if (count > limits.maxBatchReadings()) {
            return rejectMessage(context.address(), ReasonCode.TOO_LARGE, "batch of " + count
                    + " readings exceeds the limit of " + limits.maxBatchReadings(), body);
        }
        List<TelemetryReading> accepted = new ArrayList<>(count);
        List<Rejection> rejected = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            JsonNode reading = readings.get(index);
            ReadingOutcome outcome = ReadingMapper.map(reading, context);
            if (outcome instanceof ReadingOutcome.Accepted mapped) {
                accepted.add(mapped.reading());
            } else {
                Violation violation = ((ReadingOutcome.Rejected) outcome).violation();
                rejected.add(new Rejection(violation.reason(), violation.detail(), index,
                        reading.toString().getBytes(StandardCharsets.UTF_8), context.address()));
            }
        }
        return new MappingResult(context.address(), accepted, rejected);
    }

    private static MappingResult rejectMessage(TopicAddress address, ReasonCode reason, String detail, byte[] body) {
        return new MappingResult(address, List.of(), List.of(new Rejection(reason, detail, null, body, address)));
    }

    private static String describe(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(e);
        if (message != null && message.length() > MAX_PARSER_MESSAGE_CHARS) {
            message = message.substring(0, MAX_PARSER_MESSAGE_CHARS) + "...";
        }
        JsonLocation location = e instanceof JsonProcessingException json ? json.getLocation() : null;
        return location == null ? message
                : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
