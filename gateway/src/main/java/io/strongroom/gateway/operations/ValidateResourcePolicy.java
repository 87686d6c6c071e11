package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.policy.ParsedPolicy;
import io.strongroom.core.policy.PolicyParser;
import io.strongroom.core.policy.PolicyValidation;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.WireJson;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * ValidateResourcePolicy: checks a policy without attaching it. A text that is not a JSON object is
 * MalformedPolicyDocumentException; otherwise {@code {PolicyValidationPassed, ValidationErrors:
 * [{CheckName, ErrorMessage}]}}. The optional SecretId names the secret the policy is meant for: it
 * must exist and the caller may validate for it.
 */
public final class ValidateResourcePolicy implements Operation {
    private final OperationContext context;

    public ValidateResourcePolicy(OperationContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "ValidateResourcePolicy";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        String policy = request.string("ResourcePolicy");
        Constraints constraints = new Constraints()
                .length("secretId", secretId, 1, RequestLimits.SECRET_ID_MAX)
                .required("resourcePolicy", policy)
                .length("resourcePolicy", policy, 1, RequestLimits.RESOURCE_POLICY_MAX);
        Checks.require(constraints, secretId == null ? Optional.empty() : SecretNameRule.checkSecretId(secretId));

        if (secretId == null) {
            context.authorizer().requireAllowedOnNoSecret(caller, request.origin(), name());
            return CompletableFuture.completedFuture(validate(policy));
        }
        return context.resolve(caller, request, secretId, name()).thenApply(state -> validate(policy));
    }

    private static ObjectNode validate(String policy) {
        ParsedPolicy parsed = PolicyParser.resourcePolicy(policy);
        if (parsed.malformed()) {
            throw new RejectedException(AwsErrorCode.MALFORMED_POLICY_DOCUMENT, parsed.problems().get(0));
        }
        List<PolicyValidation.Finding> findings = PolicyValidation.findings(parsed);
        ObjectNode response = WireJson.object().put("PolicyValidationPassed", findings.isEmpty());
        ArrayNode errors = response.putArray("ValidationErrors");
        findings.forEach(f -> errors.addObject().put("CheckName", f.checkName()).put("ErrorMessage", f.errorMessage()));
        return response;
    }
}
