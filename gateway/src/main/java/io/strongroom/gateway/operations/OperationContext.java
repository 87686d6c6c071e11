package io.strongroom.gateway.operations;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.arn.SecretArn;
import io.strongroom.core.secret.SecretState;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.authz.Authorizer;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.RequestOrigin;
import io.strongroom.gateway.projection.ProjectionDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every operation shares: the region, the clock, the serving projections (reads go to one of
 * them, round robin) and the lookup of the secret a SecretId names.
 *
 * <p>Every secret an operation resolves is authorized here ({@link Authorizer}): the caller's
 * identity policy and the secret's resource policy decide, so another account's secret is
 * reachable by full ARN exactly when both allow. A SecretId that names no secret is authorized
 * against the ARN it would have (no resource policy): refused, it is AccessDenied, so nobody learns
 * whether another account's secret exists; allowed, ResourceNotFound.
 */
public final class OperationContext {
    private final String region;
    private final Clock clock;
    private final ProjectionDirectory projections;
    private final Authorizer authorizer;
    private final Set<String> peerRegions;
    private final AtomicInteger nextReader = new AtomicInteger();

    public OperationContext(String region, Clock clock, ProjectionDirectory projections) {
        this(region, clock, projections, Set.of());
    }

    /** @param peerRegions the other regions secrets can be replicated to */
    public OperationContext(String region, Clock clock, ProjectionDirectory projections, Set<String> peerRegions) {
        this.region = region;
        this.clock = clock;
        this.projections = projections;
        this.authorizer = new Authorizer(clock);
        this.peerRegions = Set.copyOf(peerRegions);
    }

    public Set<String> peerRegions() {
        return peerRegions;
    }

    public Authorizer authorizer() {
        return authorizer;
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
    public CompletableFuture<SecretState> resolve(Caller caller, JsonRequest request, String secretId, String action) {
        return resolve(reader(), caller, request.origin(), secretId, action);
    }

    /**
     * @param action the operation's name ({@code GetSecretValue}), authorized as
     *     {@code secretsmanager:<action>}
     */
    public CompletableFuture<SecretState> resolve(ReadModel reader, Caller caller, RequestOrigin origin,
            String secretId, String action) {
        return reader.secret(caller.accountId(), secretId).thenApply(found -> {
            SecretState state = found.filter(s -> s.lifecycle() != Lifecycle.PURGED).orElse(null);
            if (state == null) {
                authorizer.requireAllowed(caller, origin, action, wouldBeArn(caller, secretId), accountNamed(caller, secretId));
                throw new RejectedException(AwsErrorCode.RESOURCE_NOT_FOUND, Messages.NOT_FOUND);
            }
            authorizer.requireAllowed(caller, origin, action, state);
            return state;
        });
    }

    /** The ARN a SecretId stands for when no secret has it: itself if an ARN, else a name in the caller's account. */
    String wouldBeArn(Caller caller, String secretId) {
        return SecretArn.looksLikeArn(secretId) ? secretId
                : SecretArn.PREFIX + region + ":" + caller.accountId() + ":secret:" + secretId;
    }

    private static String accountNamed(Caller caller, String secretId) {
        return SecretArn.parse(secretId).map(SecretArn.Parsed::account).orElse(caller.accountId());
    }
}
