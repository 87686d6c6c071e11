package io.strongroom.gateway.operations;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.projection.ProjectionDirectory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every operation shares: the region, the clock, the serving projections (reads go to one of
 * them, round robin) and the lookup of the secret a SecretId names.
 *
 * <p>Until resource policies exist, a secret is reachable only from its own account: a full ARN
 * naming another account's secret is refused with AccessDeniedException, as IAM refuses a
 * cross-account call that no resource policy allows.
 */
public final class OperationContext {
    private final String region;
    private final Clock clock;
    private final ProjectionDirectory projections;
    private final AtomicInteger nextReader = new AtomicInteger();

    public OperationContext(String region, Clock clock, ProjectionDirectory projections) {
        this.region = region;
        this.clock = clock;
        this.projections = projections;
    }

    public String region() {
        return region;
    }

    public Clock clock() {
        return clock;
    }

    public ProjectionDirectory projections() {
        return projections;
    }

    /** A serving projection instance; ServiceUnavailable (which the SDKs retry) when there is none. */
    public ReadModel reader() {
        List<ReadModel> serving = projections.readable();
        if (serving.isEmpty()) {
            throw new RejectedException(AwsErrorCode.SERVICE_UNAVAILABLE, Messages.NO_PROJECTION);
        }
        return serving.get(Math.floorMod(nextReader.getAndIncrement(), serving.size()));
    }

    /** The secret a SecretId names for the caller, or ResourceNotFound / AccessDenied. */
    public CompletableFuture<SecretState> resolve(Caller caller, String secretId, String action) {
        return resolve(reader(), caller, secretId, action);
    }

    public CompletableFuture<SecretState> resolve(ReadModel reader, Caller caller, String secretId, String action) {
        return reader.secret(caller.accountId(), secretId).thenApply(found -> {
            SecretState state = found.filter(s -> s.lifecycle() != Lifecycle.PURGED)
                    .orElseThrow(() -> new RejectedException(AwsErrorCode.RESOURCE_NOT_FOUND, Messages.NOT_FOUND));
            if (!state.account().equals(caller.accountId())) {
                throw new RejectedException(AwsErrorCode.ACCESS_DENIED,
                        Messages.accessDenied(caller.principalArn(), action, SecretLocator.arnOf(state)));
            }
            return state;
        });
    }
}
