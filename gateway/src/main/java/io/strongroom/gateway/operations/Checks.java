package io.strongroom.gateway.operations;

import io.strongroom.core.error.RejectedException;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.validation.Constraints;
import java.util.Optional;

/** Turns the first failed validation into the exception that ends the request. */
final class Checks {
    private Checks() {}

    /** Model constraints first (one ValidationException listing all), then the service's own rules in order. */
    @SafeVarargs
    static void require(Constraints constraints, Optional<Rejection>... rules) {
        constraints.rejection().ifPresent(Checks::fail);
        for (Optional<Rejection> rule : rules) {
            rule.ifPresent(Checks::fail);
        }
    }

    private static void fail(Rejection rejection) {
        throw new RejectedException(rejection);
    }
}
