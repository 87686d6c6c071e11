package io.strongroom.gateway.operations;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations the gateway serves, by the name {@code X-Amz-Target} gives them. */
public final class Operations {
    private final Map<String, Operation> byName = new LinkedHashMap<>();

    public Operations(List<Operation> operations) {
        for (Operation operation : operations) {
            if (byName.put(operation.name(), operation) != null) {
                throw new IllegalArgumentException("operation " + operation.name() + " registered twice");
            }
        }
    }

    /** The Secrets Manager operations Strongroom implements. */
    public static Operations standard(OperationContext context, CommandSubmitter commands, SecretValues values) {
        return new Operations(List.of(
                new CreateSecret(context, commands, values),
                new PutSecretValue(context, commands, values),
                new UpdateSecret(context, commands, values),
                new DeleteSecret(context, commands),
                new GetSecretValue(context, values),
                new DescribeSecret(context),
                new ListSecrets(context),
                new RestoreSecret(context, commands),
                new TagResource(context, commands),
                new UntagResource(context, commands),
                new UpdateSecretVersionStage(context, commands),
                new ListSecretVersionIds(context),
                new PutResourcePolicy(context, commands),
                new GetResourcePolicy(context),
                new DeleteResourcePolicy(context, commands),
                new ValidateResourcePolicy(context),
                new BatchGetSecretValue(context, values),
                new GetRandomPassword(context, new SecureRandom()),
                new ReplicateSecretToRegions(context, commands),
                new RemoveRegionsFromReplication(context, commands),
                new StopReplicationToReplica(context, commands)));
    }

    public Optional<Operation> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
