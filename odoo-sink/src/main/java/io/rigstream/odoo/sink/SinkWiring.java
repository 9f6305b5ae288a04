package io.rigstream.odoo.sink;

import io.rigstream.odoo.sink.config.OdooSinkConfig;
import io.rigstream.odoo.sink.config.SinkTopics;
import io.rigstream.odoo.sink.delivery.BatchDelivery;
import io.rigstream.odoo.sink.delivery.DeadLetterPublisher;
import io.rigstream.odoo.sink.kafka.KafkaRecordReader;
import io.rigstream.odoo.sink.lookup.EquipmentDirectory;
import io.rigstream.odoo.sink.lookup.ProjectDirectory;
import io.rigstream.odoo.sink.mapping.ExternalIds;
import io.rigstream.odoo.sink.mapping.RecordMapper;
import io.rigstream.odoo.sink.metrics.SinkMetrics;
import io.rigstream.odoo.sink.odoo.OdooApi;
import io.rigstream.odoo.sink.odoo.OdooHttp;
import io.rigstream.odoo.sink.odoo.OdooSession;
import io.rigstream.odoo.sink.odoo.OdooTransport;
import io.rigstream.odoo.sink.throttle.RequestThrottle;
import io.rigstream.schemas.registry.SchemaRegistryClient;
import io.rigstream.schemas.topics.Topics;
import java.time.Clock;
import java.util.Map;

/** How the sink's parts fit together, in one place for the service and for tests that run the same parts. */
public final class SinkWiring {

    private SinkWiring() {
    }

    /** A live Odoo session through the throttle; it connects on {@link OdooSession#establish()} or the first call. */
    public static OdooSession liveSession(OdooSinkConfig config, RequestThrottle throttle, SinkMetrics metrics, Clock clock) {
        OdooHttp http = new OdooHttp(config.connection().connectTimeout(), config.connection().requestTimeout(), throttle, clock);
        return new OdooSession(config.connection(), OdooRights.needed(config.mapping()), http, metrics, clock);
    }

    public static BatchDelivery delivery(OdooSinkConfig config, OdooTransport transport, SchemaRegistryClient registry,
            DeadLetterPublisher deadLetters, SinkMetrics metrics) {
        OdooApi odoo = new OdooApi(transport);
        ExternalIds externalIds = new ExternalIds(config.mapping().module());
        SinkTopics topics = config.topics();
        return new BatchDelivery(
                new KafkaRecordReader(registry, Map.of(topics.usage(), Topics.JOB_USAGE_DAILY,
                        topics.maintenance(), Topics.MAINTENANCE, topics.downtime(), Topics.DOWNTIME)),
                new RecordMapper(config.mapping()),
                new EquipmentDirectory(odoo, externalIds, config.mapping().unknownEquipment()),
                new ProjectDirectory(odoo, externalIds, config.mapping()),
                odoo, deadLetters, metrics);
    }
}
