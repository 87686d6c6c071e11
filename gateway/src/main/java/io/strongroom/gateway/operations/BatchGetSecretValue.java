package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.query.SecretFilter;
import io.strongroom.core.query.SortOrder;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.RequestOrigin;
import io.strongroom.gateway.protocol.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * BatchGetSecretValue: the AWSCURRENT values of up to 20 secrets, named by SecretIdList (1–20 ids)
 * or chosen by Filters (as ListSecrets filters; MaxResults 1–20 and NextToken only with Filters).
 * Exactly one of the two is required (InvalidParameterException otherwise). A secret that cannot be
 * read (not found, scheduled for deletion, not decryptable, denied) does not fail the call: it
 * becomes an entry of {@code Errors} {@code {SecretId, ErrorCode, Message}} while the others are
 * answered in {@code SecretValues}, each shaped as GetSecretValue's response.
 */
public final class BatchGetSecretValue implements Operation {
    /** The action each secret is read under, as AWS requires secretsmanager:GetSecretValue per secret. */
    private static final String READ_ACTION = "GetSecretValue";

    private final OperationContext context;
    private final ValueReader reads;

    public BatchGetSecretValue(OperationContext context, SecretValues values) {
        this.context = context;
        this.reads = new ValueReader(values, new AccessRecorder(context.clock()));
    }

    @Override
    public String name() {
        return "BatchGetSecretValue";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        List<String> ids = request.strings("SecretIdList");
        Integer maxResults = request.integer("MaxResults");
        String nextToken = request.string("NextToken");
        Constraints constraints = new Constraints()
                .size("secretIdList", ids, 1, RequestLimits.BATCH_SECRET_IDS_MAX)
                .range("maxResults", maxResults == null ? null : maxResults.longValue(),
                        RequestLimits.MAX_RESULTS_MIN, RequestLimits.BATCH_MAX_RESULTS_MAX)
                .length("nextToken", nextToken, 1, RequestLimits.NEXT_TOKEN_MAX);
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                constraints.length("secretIdList." + (i + 1) + ".member", ids.get(i), 1, RequestLimits.SECRET_ID_MAX);
            }
        }
        List<SecretFilter> filters = ListFilters.read(request, constraints);
        Checks.require(constraints);
        boolean byIds = ids != null && !ids.isEmpty();
        boolean byFilters = filters != null && !filters.isEmpty();
        if (byIds == byFilters) {
            throw new RejectedException(AwsErrorCode.INVALID_PARAMETER, Messages.ID_LIST_XOR_FILTERS);
        }
        if (!byFilters && maxResults != null) {
            throw new RejectedException(AwsErrorCode.INVALID_PARAMETER, Messages.MAX_RESULTS_NEEDS_FILTERS);
        }
        if (!byFilters && nextToken != null) {
            throw new RejectedException(AwsErrorCode.INVALID_PARAMETER, Messages.NEXT_TOKEN_NEEDS_FILTERS);
        }

        context.authorizer().requireAllowedOnNoSecret(caller, request.origin(), name());
        ReadModel reader = context.reader();
        RequestOrigin origin = request.origin();
        return byIds ? byIds(reader, caller, origin, ids)
                : byFilters(reader, caller, origin, filters, maxResults, nextToken);
    }

    private CompletableFuture<ObjectNode> byIds(ReadModel reader, Caller caller, RequestOrigin origin, List<String> ids) {
        List<CompletableFuture<Result>> results = new ArrayList<>();
        for (String id : ids) {
            Rejection invalid = SecretNameRule.checkSecretId(id).orElse(null);
            results.add(invalid != null ? CompletableFuture.completedFuture(Result.failed(id, invalid))
                    : attempt(id, context.resolve(reader, caller, origin, id, READ_ACTION)
                            .thenCompose(state -> reads.read(reader, state, null, null))));
        }
        return gather(results, null);
    }

    private CompletableFuture<ObjectNode> byFilters(ReadModel reader, Caller caller, RequestOrigin origin,
            List<SecretFilter> filters, Integer maxResults, String nextToken) {
        int limit = maxResults == null ? RequestLimits.BATCH_MAX_RESULTS_MAX : maxResults;
        ListQuery query = new ListQuery(caller.accountId(), limit, nextToken, filters, false, SortOrder.ASC);
        return reader.listSecrets(query).thenCompose(page -> {
            List<CompletableFuture<Result>> results = new ArrayList<>();
            for (SecretState state : page.secrets()) {
                // Each listed secret is authorized as GetSecretValue would be; a refusal is its error entry.
                results.add(attempt(SecretLocator.arnOf(state), CompletableFuture.completedFuture(state)
                        .thenApply(listed -> {
                            context.authorizer().requireAllowed(caller, origin, READ_ACTION, listed);
                            return listed;
                        })
                        .thenCompose(listed -> reads.read(reader, listed, null, null))));
            }
            return gather(results, page.nextToken());
        });
    }

    /** A rejection becomes this secret's error entry; any other failure fails the whole call. */
    private static CompletableFuture<Result> attempt(String secretId, CompletableFuture<ObjectNode> read) {
        return read.handle((value, failure) -> {
            if (failure == null) {
                return Result.read(value);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof RejectedException rejected) {
                return Result.failed(secretId, rejected.rejection());
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    private static CompletableFuture<ObjectNode> gather(List<CompletableFuture<Result>> results, String nextToken) {
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(done -> {
            ObjectNode response = WireJson.object();
            ArrayNode values = response.putArray("SecretValues");
            ArrayNode errors = response.putArray("Errors");
            for (CompletableFuture<Result> result : results) {
                Result r = result.join();
                if (r.value() != null) {
                    values.add(r.value());
                } else {
                    errors.addObject().put("SecretId", r.secretId()).put("ErrorCode", r.error().code().code())
                            .put("Message", r.error().message());
                }
            }
            if (nextToken != null) {
                response.put("NextToken", nextToken);
            }
            return response;
        });
    }

    private record Result(ObjectNode value, String secretId, Rejection error) {
        static Result read(ObjectNode value) {
            return new Result(value, null, null);
        }

        static Result failed(String secretId, Rejection error) {
            return new Result(null, secretId, error);
        }
    }
}
