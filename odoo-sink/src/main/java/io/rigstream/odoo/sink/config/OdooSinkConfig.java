package io.rigstream.odoo.sink.config;

import io.rigstream.runtime.config.CommonConfig;
import io.rigstream.runtime.config.ConfigInput;
import io.rigstream.runtime.config.OneOf;
import io.rigstream.runtime.config.Secrets;
import io.rigstream.runtime.config.ServiceConfigParser;
import io.rigstream.schemas.topics.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The odoo-sink's configuration: built once at start from a properties file, {@code RIGSTREAM_*} environment
 * variables and CLI flags (see {@link ServiceConfigParser}), validated, then immutable. A bad value fails start-up
 * with the key's name and what is allowed.
 */
public final class OdooSinkConfig {

    public static final String MODE = "odoo.mode";
    public static final String URL = "odoo.url";
    public static final String DATABASE = "odoo.database";
    public static final String USERNAME = "odoo.username";
    public static final String API_KEY = "odoo.api-key";
    public static final String PROTOCOL = "odoo.protocol";
    public static final String CONNECT_TIMEOUT_MS = "odoo.connect-timeout.ms";
    public static final String REQUEST_TIMEOUT_MS = "odoo.request-timeout.ms";
    public static final String RATE_REQUESTS = "odoo.rate.requests-per-second";
    public static final String RATE_RECORDS = "odoo.rate.records-per-second";
    public static final String RATE_MIN_REQUESTS = "odoo.rate.min-requests-per-second";
    public static final String RATE_RECOVERY = "odoo.rate.recovery-per-second";
    public static final String RATE_LATENCY_TARGET_MS = "odoo.rate.latency-target.ms";
    public static final String RATE_REPLICAS = "odoo.rate.replicas";
    public static final String MAX_CONCURRENT = "odoo.max-concurrent-requests";
    public static final String BATCH_MAX_RECORDS = "odoo.batch.max-records";
    public static final String BATCH_LINGER_MS = "odoo.batch.linger.ms";
    public static final String BUFFER_MAX_RECORDS = "odoo.buffer.max-records";
    public static final String RETRY_INITIAL_MS = "odoo.retry.initial-backoff.ms";
    public static final String RETRY_MAX_MS = "odoo.retry.max-backoff.ms";
    public static final String RETRY_DEADLINE_MS = "odoo.retry.deadline.ms";
    public static final String OUTBOX_PATH = "odoo.outbox.path";
    public static final String EXTERNAL_ID_MODULE = "odoo.external-id.module";
    public static final String EMPLOYEE_ID = "odoo.timesheet.employee-id";
    public static final String PROJECT_RULE = "odoo.project.rule";
    public static final String PROJECT_NAME_PATTERN = "odoo.project.name-pattern";
    public static final String PROJECT_EXTERNAL_ID_PATTERN = "odoo.project.external-id-pattern";
    public static final String UNKNOWN_EQUIPMENT = "odoo.unknown-equipment";
    public static final String UNKNOWN_JOB = "odoo.unknown-job";
    public static final String CLOSED_STAGE_ID = "odoo.request.closed-stage-id";
    public static final String TOPIC_USAGE = "odoo.topic.usage";
    public static final String TOPIC_MAINTENANCE = "odoo.topic.maintenance";
    public static final String TOPIC_DOWNTIME = "odoo.topic.downtime";
    public static final String TOPIC_DEAD_LETTER = "odoo.topic.dead-letter";
    public static final String GROUP_ID = "odoo.group-id";

    public static final String KAFKA_CONSUMER_PREFIX = "kafka.consumer.";
    public static final String KAFKA_PRODUCER_PREFIX = "kafka.producer.";
    public static final int DEFAULT_MANAGEMENT_PORT = 8093;

    private final CommonConfig common;
    private final OdooConnection connection;
    private final ThrottleSettings throttle;
    private final BatchSettings batch;
    private final RetrySettings retry;
    private final MappingSettings mapping;
    private final SinkTopics topics;
    private final Path outboxPath;
    private final Map<String, Object> consumerOverrides;
    private final Map<String, Object> producerOverrides;

    private OdooSinkConfig(AbstractConfig parsed) {
        this.common = CommonConfig.from(parsed);
        this.connection = connection(parsed);
        this.throttle = throttle(parsed);
        this.batch = new BatchSettings(parsed.getInt(BATCH_MAX_RECORDS), millis(parsed, BATCH_LINGER_MS),
                parsed.getInt(BUFFER_MAX_RECORDS));
        long deadline = parsed.getLong(RETRY_DEADLINE_MS);
        this.retry = new RetrySettings(millis(parsed, RETRY_INITIAL_MS), millis(parsed, RETRY_MAX_MS),
                deadline == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(deadline)));
        int employee = parsed.getInt(EMPLOYEE_ID);
        this.mapping = new MappingSettings(parsed.getString(EXTERNAL_ID_MODULE),
                employee == 0 ? OptionalInt.empty() : OptionalInt.of(employee),
                ProjectRule.of(parsed.getString(PROJECT_RULE)), parsed.getString(PROJECT_NAME_PATTERN),
                parsed.getString(PROJECT_EXTERNAL_ID_PATTERN), UnknownPolicy.of(parsed.getString(UNKNOWN_EQUIPMENT)),
                UnknownPolicy.of(parsed.getString(UNKNOWN_JOB)), parsed.getInt(CLOSED_STAGE_ID));
        this.topics = new SinkTopics(parsed.getString(TOPIC_USAGE), parsed.getString(TOPIC_MAINTENANCE),
                parsed.getString(TOPIC_DOWNTIME), parsed.getString(TOPIC_DEAD_LETTER), parsed.getString(GROUP_ID));
        this.outboxPath = Path.of(parsed.getString(OUTBOX_PATH));
        this.consumerOverrides = Map.copyOf(parsed.originalsWithPrefix(KAFKA_CONSUMER_PREFIX));
        this.producerOverrides = Map.copyOf(parsed.originalsWithPrefix(KAFKA_PRODUCER_PREFIX));
        checkAcrossKeys(parsed);
    }

    /** Parses and validates; throws {@link ConfigException} naming the key at fault. */
    public static OdooSinkConfig from(ConfigInput input) {
        return new OdooSinkConfig(ServiceConfigParser.parse(definition(), passThroughPrefixes(), input));
    }

    public static List<String> passThroughPrefixes() {
        return CommonConfig.passThroughPrefixes(KAFKA_CONSUMER_PREFIX, KAFKA_PRODUCER_PREFIX);
    }

    /** Every key the sink understands, with its type, default, validator and documentation. */
    public static ConfigDef definition() {
        ConfigDef def = CommonConfig.define(new ConfigDef(), DEFAULT_MANAGEMENT_PORT);
        def.define(MODE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, OneOf.of(Keyed.keys(OdooMode.values(), OdooMode::key)),
                Importance.HIGH, "live writes to Odoo; dry-run writes the calls it would make to the outbox file instead. "
                        + "No default, so a forgotten setting cannot silently skip Odoo.");
        def.define(URL, Type.STRING, "", Importance.HIGH, "Odoo base URL, http(s)://host[:port]. Required in live mode.");
        def.define(DATABASE, Type.STRING, "", Importance.HIGH, "Odoo database name. Required for JSON-RPC; sent as X-Odoo-Database over JSON-2.");
        def.define(USERNAME, Type.STRING, "", Importance.HIGH, "Login of the integration user. Required for JSON-RPC.");
        def.define(API_KEY, Type.PASSWORD, "", Importance.HIGH, "API key of the integration user, or file:/path to read it from. Secret, never logged.");
        def.define(PROTOCOL, Type.STRING, Protocol.AUTO.key(), OneOf.of(Keyed.keys(Protocol.values(), Protocol::key)),
                Importance.MEDIUM, "auto asks the server its version once at start: JSON-2 from Odoo 19 on, else JSON-RPC.");
        def.define(CONNECT_TIMEOUT_MS, Type.LONG, 5_000L, Range.atLeast(1), Importance.LOW, "TCP connect timeout, ms.");
        def.define(REQUEST_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.LOW, "Timeout of one Odoo call, ms; a timeout is transient.");
        def.define(RATE_REQUESTS, Type.DOUBLE, 5.0, Range.atLeast(0.01), Importance.MEDIUM,
                "Most Odoo calls per second for the whole deployment (split over odoo.rate.replicas). The adaptive rate never exceeds it.");
        def.define(RATE_RECORDS, Type.DOUBLE, 250.0, Range.atLeast(0.01), Importance.MEDIUM,
                "Most records per second written to Odoo for the whole deployment (split over odoo.rate.replicas).");
        def.define(RATE_MIN_REQUESTS, Type.DOUBLE, 0.2, Range.atLeast(0.001), Importance.LOW,
                "Floor of the adaptive request rate for the whole deployment.");
        def.define(RATE_RECOVERY, Type.DOUBLE, 0.5, Range.atLeast(0.001), Importance.LOW,
                "Additive increase of the request rate, calls/s gained per second of healthy calls (AIMD).");
        def.define(RATE_LATENCY_TARGET_MS, Type.LONG, 3_000L, Range.atLeast(1), Importance.LOW,
                "A call slower than this halves the request rate, as an error does.");
        def.define(RATE_REPLICAS, Type.INT, 1, Range.atLeast(1), Importance.MEDIUM,
                "Number of sink replicas sharing the rates and the concurrency cap: each takes an equal share.");
        def.define(MAX_CONCURRENT, Type.INT, 2, Range.atLeast(1), Importance.MEDIUM,
                "Most Odoo calls in progress at once for the whole deployment (at least one per replica); also the connection count.");
        def.define(BATCH_MAX_RECORDS, Type.INT, 100, Range.between(1, 10_000), Importance.MEDIUM,
                "Records of one model combined into one load call.");
        def.define(BATCH_LINGER_MS, Type.LONG, 2_000L, Range.atLeast(0), Importance.MEDIUM,
                "Longest a record waits for its batch to fill, ms: keeps alerts timely when traffic is light.");
        def.define(BUFFER_MAX_RECORDS, Type.INT, 1_000, Range.atLeast(1), Importance.LOW,
                "Records buffered per lane before its partitions are paused; at least odoo.batch.max-records.");
        def.define(RETRY_INITIAL_MS, Type.LONG, 500L, Range.atLeast(1), Importance.LOW, "First backoff after a transient failure, ms.");
        def.define(RETRY_MAX_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW, "Longest backoff, ms (exponential with full jitter up to it).");
        def.define(RETRY_DEADLINE_MS, Type.LONG, 3_600_000L, Range.atLeast(0), Importance.MEDIUM,
                "Records failing transiently for longer than this are dead-lettered (replayable), ms; 0 retries forever.");
        def.define(OUTBOX_PATH, Type.STRING, "odoo-outbox.jsonl", new CommonConfig.NonBlank(), Importance.MEDIUM,
                "Dry-run only: the JSON-lines file the calls are appended to.");
        def.define(EXTERNAL_ID_MODULE, Type.STRING, "rigstream", new ModuleName(), Importance.LOW,
                "Module part of every external id the sink writes (module.name).");
        def.define(EMPLOYEE_ID, Type.INT, 0, Range.atLeast(0), Importance.MEDIUM,
                "hr.employee id put on timesheet lines; 0 lets Odoo use the integration user's own employee.");
        def.define(PROJECT_RULE, Type.STRING, ProjectRule.NAME.key(), OneOf.of(Keyed.keys(ProjectRule.values(), ProjectRule::key)),
                Importance.MEDIUM, "How a job finds its project: by project name, or by an external id.");
        def.define(PROJECT_NAME_PATTERN, Type.STRING, "{job}", new JobPattern(), Importance.MEDIUM,
                "Project name of a job, {job} replaced by the job id (rule name; also the name of created projects).");
        def.define(PROJECT_EXTERNAL_ID_PATTERN, Type.STRING, "rigstream.project_{job}", new JobPattern(), Importance.MEDIUM,
                "External id (module.name) of a job's project, {job} replaced by the job id (rule external-id).");
        def.define(UNKNOWN_EQUIPMENT, Type.STRING, UnknownPolicy.DEAD_LETTER.key(),
                OneOf.of(Keyed.keys(UnknownPolicy.values(), UnknownPolicy::key)), Importance.MEDIUM,
                "Equipment without a maintenance.equipment of that serial_no: dead-letter the record, or create the equipment.");
        def.define(UNKNOWN_JOB, Type.STRING, UnknownPolicy.DEAD_LETTER.key(),
                OneOf.of(Keyed.keys(UnknownPolicy.values(), UnknownPolicy::key)), Importance.MEDIUM,
                "Job without a project: dead-letter the record, or create the project.");
        def.define(CLOSED_STAGE_ID, Type.INT, 3, Range.atLeast(1), Importance.LOW,
                "maintenance.stage id a request moves to when its fault clears or its downtime ends (3 = Repaired).");
        def.define(TOPIC_USAGE, Type.STRING, Topics.JOB_USAGE_DAILY.name(), new CommonConfig.NonBlank(), Importance.LOW, "Daily job usage topic.");
        def.define(TOPIC_MAINTENANCE, Type.STRING, Topics.MAINTENANCE.name(), new CommonConfig.NonBlank(), Importance.LOW, "Maintenance trigger topic.");
        def.define(TOPIC_DOWNTIME, Type.STRING, Topics.DOWNTIME.name(), new CommonConfig.NonBlank(), Importance.LOW, "Downtime event topic.");
        def.define(TOPIC_DEAD_LETTER, Type.STRING, Topics.ODOO_REJECTED.name(), new CommonConfig.NonBlank(), Importance.LOW,
                "Dead-letter topic for records Odoo refused.");
        def.define(GROUP_ID, Type.STRING, "rigstream-odoo-sink", new CommonConfig.NonBlank(), Importance.LOW, "Kafka consumer group.");
        return def;
    }

    public CommonConfig common() {
        return common;
    }

    public OdooConnection connection() {
        return connection;
    }

    public ThrottleSettings throttle() {
        return throttle;
    }

    public BatchSettings batch() {
        return batch;
    }

    public RetrySettings retry() {
        return retry;
    }

    public MappingSettings mapping() {
        return mapping;
    }

    public SinkTopics topics() {
        return topics;
    }

    public Path outboxPath() {
        return outboxPath;
    }

    /** {@code kafka.consumer.*} settings, prefix removed. */
    public Map<String, Object> consumerOverrides() {
        return consumerOverrides;
    }

    /** {@code kafka.producer.*} settings, prefix removed. */
    public Map<String, Object> producerOverrides() {
        return producerOverrides;
    }

    private static OdooConnection connection(AbstractConfig parsed) {
        OdooMode mode = OdooMode.of(parsed.getString(MODE));
        Protocol protocol = Protocol.of(parsed.getString(PROTOCOL));
        String url = parsed.getString(URL).trim();
        Optional<String> apiKey = Secrets.resolve(API_KEY, parsed.getPassword(API_KEY));
        if (mode == OdooMode.LIVE) {
            requireSet(URL, url, "live mode needs the Odoo base URL");
            requireSet(API_KEY, apiKey.orElse(""), "live mode needs the integration user's API key (or file:/path)");
            if (protocol != Protocol.JSON2) {
                requireSet(DATABASE, parsed.getString(DATABASE), "JSON-RPC needs the database name (protocol " + protocol.key() + ")");
                requireSet(USERNAME, parsed.getString(USERNAME), "JSON-RPC needs the integration user's login (protocol " + protocol.key() + ")");
            }
        }
        URI uri = url.isEmpty() ? URI.create("http://dry-run.invalid") : parseUrl(url);
        return new OdooConnection(mode, uri, parsed.getString(DATABASE), parsed.getString(USERNAME),
                new Password(apiKey.orElse("")), protocol, millis(parsed, CONNECT_TIMEOUT_MS), millis(parsed, REQUEST_TIMEOUT_MS));
    }

    /** The deployment-wide figures divided among replicas; each replica keeps at least one call in flight. */
    private static ThrottleSettings throttle(AbstractConfig parsed) {
        int replicas = parsed.getInt(RATE_REPLICAS);
        return new ThrottleSettings(parsed.getDouble(RATE_REQUESTS) / replicas, parsed.getDouble(RATE_RECORDS) / replicas,
                parsed.getDouble(RATE_MIN_REQUESTS) / replicas, parsed.getDouble(RATE_RECOVERY) / replicas,
                millis(parsed, RATE_LATENCY_TARGET_MS), Math.max(1, parsed.getInt(MAX_CONCURRENT) / replicas));
    }

    private void checkAcrossKeys(AbstractConfig parsed) {
        if (batch.maxRecords() > batch.bufferRecords()) {
            throw new ConfigException(BUFFER_MAX_RECORDS + " (" + batch.bufferRecords() + ") must be at least "
                    + BATCH_MAX_RECORDS + " (" + batch.maxRecords() + "), or no batch could ever fill");
        }
        if (throttle.minRequestsPerSecond() > throttle.requestsPerSecond()) {
            throw new ConfigException(RATE_MIN_REQUESTS + " (" + parsed.getDouble(RATE_MIN_REQUESTS) + ") must not exceed "
                    + RATE_REQUESTS + " (" + parsed.getDouble(RATE_REQUESTS) + ")");
        }
        if (retry.initialBackoff().compareTo(retry.maxBackoff()) > 0) {
            throw new ConfigException(RETRY_INITIAL_MS + " must not exceed " + RETRY_MAX_MS);
        }
        if (new java.util.HashSet<>(List.of(topics.usage(), topics.maintenance(), topics.downtime(), topics.deadLetter())).size() != 4) {
            throw new ConfigException(TOPIC_USAGE + ", " + TOPIC_MAINTENANCE + ", " + TOPIC_DOWNTIME + " and " + TOPIC_DEAD_LETTER
                    + " must be four different topics: each has its own record type");
        }
        if (parsed.getInt(MAX_CONCURRENT) < parsed.getInt(RATE_REPLICAS)) {
            throw new ConfigException(MAX_CONCURRENT + " (" + parsed.getInt(MAX_CONCURRENT) + ") is for the whole deployment "
                    + "and must allow one call per replica (" + RATE_REPLICAS + " = " + parsed.getInt(RATE_REPLICAS) + ")");
        }
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the key's name
        }
        throw new ConfigException(URL, url, "must be an http:// or https:// URL with a host");
    }

    private static void requireSet(String key, String value, String why) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key + " is not set: " + why);
        }
    }

    private static Duration millis(AbstractConfig parsed, String key) {
        return Duration.ofMillis(parsed.getLong(key));
    }

    /** External-id modules are Odoo module names. */
    static final class ModuleName implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !value.toString().matches("[a-z][a-z0-9_]*")) {
                throw new ConfigException(name, value, "must be a module name: lower case letters, digits and _");
            }
        }

        @Override
        public String toString() {
            return "[a-z][a-z0-9_]*";
        }
    }

    /** Patterns must depend on the job, or every job would share one project. */
    static final class JobPattern implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || !value.toString().contains(MappingSettings.JOB_PLACEHOLDER)) {
                throw new ConfigException(name, value, "must contain " + MappingSettings.JOB_PLACEHOLDER);
            }
        }

        @Override
        public String toString() {
            return "text containing " + MappingSettings.JOB_PLACEHOLDER;
        }
    }
}
