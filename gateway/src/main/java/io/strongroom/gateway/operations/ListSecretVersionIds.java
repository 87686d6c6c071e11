package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.WireJson;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ListSecretVersionIds: the versions of a secret in the order they were made, read from the read
 * model; also for a secret scheduled for deletion. Versions without staging labels (deprecated) only
 * with IncludeDeprecated. MaxResults 1–100 (default 100), NextToken as {@link VersionPageToken}.
 * Response: {@code {Versions: [{VersionId, VersionStages, CreatedDate, KmsKeyIds}], NextToken?, ARN, Name}};
 * KmsKeyIds names the secret's key, {@code DefaultEncryptionKey} for the default one, as AWS shows it.
 */
public final class ListSecretVersionIds implements Operation {
    static final String DEFAULT_KEY = "DefaultEncryptionKey";
    private final OperationContext context;

    public ListSecretVersionIds(OperationContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "ListSecretVersionIds";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        Integer maxResults = request.integer("MaxResults");
        String nextToken = request.string("NextToken");
        boolean includeDeprecated = Boolean.TRUE.equals(request.bool("IncludeDeprecated"));
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId)
                .range("maxResults", maxResults == null ? null : maxResults.longValue(),
                        RequestLimits.MAX_RESULTS_MIN, RequestLimits.MAX_RESULTS_MAX)
                .length("nextToken", nextToken, 1, RequestLimits.NEXT_TOKEN_MAX);
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId));
        int from = VersionPageToken.index(nextToken);
        int limit = maxResults == null ? RequestLimits.MAX_RESULTS_MAX : maxResults;

        return context.resolve(caller, request, secretId, name()).thenApply(state -> {
            List<SecretVersion> listed = state.versions().values().stream()
                    .filter(v -> includeDeprecated || !v.stages().isEmpty())
                    .toList();
            ObjectNode response = WireJson.object();
            ArrayNode versions = response.putArray("Versions");
            int end = Math.min(listed.size(), from + limit);
            for (int i = from; i < end; i++) {
                versions.add(entry(state, listed.get(i)));
            }
            if (end < listed.size()) {
                response.put("NextToken", VersionPageToken.at(end));
            }
            return response.setAll(SecretShapes.arnAndName(state));
        });
    }

    private static ObjectNode entry(SecretState state, SecretVersion version) {
        ObjectNode entry = WireJson.object().put("VersionId", version.versionId());
        entry.set("VersionStages", SecretShapes.strings(version.stages()));
        entry.set("CreatedDate", WireJson.timestamp(version.createdDate()));
        entry.set("KmsKeyIds", SecretShapes.strings(List.of(state.kmsKeyId() != null ? state.kmsKeyId() : DEFAULT_KEY)));
        return entry;
    }
}
