package dev.nebula.catalog.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Every test starts with every circuit breaker closed and its window empty, as rest-fights' tests do: error-path tests
 * fail upstream calls on purpose, and what one test leaves in a breaker's window must not decide the next test's
 * answers. Breakers keep their real thresholds; {@code BreakerTest} opens them.
 */
public class ClosedBreakers implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        CircuitBreakerMaintenance.get().resetAll();
    }
}
