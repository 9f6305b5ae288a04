package io.rigstream.odoo.standin.http;

import io.rigstream.odoo.standin.faults.FaultInjector;
import io.rigstream.odoo.standin.faults.RequestMeter;
import io.rigstream.odoo.standin.orm.Loader;
import io.rigstream.odoo.standin.orm.OrmService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ORM call as both endpoints make it, with the faults that concern writes: a {@code load} may meet a serialization
 * conflict (nothing written, every row named), or be applied and then lose its answer.
 */
public final class ObjectCalls {

    private static final Duration LONGEST_HOLD = Duration.ofMinutes(2);

    private final OrmService orm;
    private final FaultInjector faults;
    private final RequestMeter meter;

    public ObjectCalls(OrmService orm, FaultInjector faults, RequestMeter meter) {
        this.orm = orm;
        this.faults = faults;
        this.meter = meter;
    }

    /** @return the result, or empty when the answer is to be lost: the caller then drops the connection */
    Optional<Object> execute(int uid, String model, String method, List<Integer> ids, Map<String, Object> params)
            throws InterruptedException {
        if (!"load".equals(method)) {
            return Optional.of(orm.execute(uid, model, method, ids, params));
        }
        int rows = Exchanges.list(params.get("data")).size();
        meter.load(model, rows);
        FaultInjector.LoadFault fault = faults.nextLoad();
        if (fault == FaultInjector.LoadFault.CONFLICT) {
            // What the losers of concurrent loads of the same external ids got from a real server.
            return Optional.of(Loader.everyRowFailed(rows, "could not serialize access due to concurrent update"));
        }
        Object result = orm.execute(uid, model, method, ids, params);
        if (fault == FaultInjector.LoadFault.LOSE_ANSWER) {
            return Optional.empty();
        }
        if (fault == FaultInjector.LoadFault.HOLD_ANSWER) {
            faults.awaitRelease(LONGEST_HOLD);
        }
        return Optional.of(result);
    }
}
