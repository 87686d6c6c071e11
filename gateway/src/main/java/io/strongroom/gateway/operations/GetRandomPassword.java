package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.password.PasswordGenerator;
import io.strongroom.core.password.PasswordRecipe;
import io.strongroom.core.validation.Constraints;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.WireJson;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;

/**
 * GetRandomPassword: a password drawn from a SecureRandom in the gateway; nothing is stored and no
 * command is sent. PasswordLength 1–4096 (default 32), ExcludeCharacters ≤ 4096.
 */
public final class GetRandomPassword implements Operation {
    static final int MAX_LENGTH = 4096;
    private final OperationContext context;
    private final PasswordGenerator generator;

    public GetRandomPassword(OperationContext context, SecureRandom random) {
        this.context = context;
        this.generator = new PasswordGenerator(random);
    }

    @Override
    public String name() {
        return "GetRandomPassword";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        context.authorizer().requireAllowedOnNoSecret(caller, request.origin(), name());
        PasswordRecipe.Options options = new PasswordRecipe.Options(
                request.integer("PasswordLength"),
                request.string("ExcludeCharacters"),
                request.bool("ExcludeNumbers"),
                request.bool("ExcludePunctuation"),
                request.bool("ExcludeUppercase"),
                request.bool("ExcludeLowercase"),
                request.bool("IncludeSpace"),
                request.bool("RequireEachIncludedType"));
        Integer length = options.passwordLength();
        Checks.require(new Constraints()
                .range("passwordLength", length == null ? null : length.longValue(), 1, MAX_LENGTH)
                .length("excludeCharacters", options.excludeCharacters(), 0, MAX_LENGTH));
        PasswordRecipe.RecipeOrRejection recipe = PasswordRecipe.of(options);
        Checks.require(new Constraints(), recipe.rejection());
        ObjectNode response = WireJson.object();
        response.put("RandomPassword", generator.generate(recipe.recipe().orElseThrow()));
        return CompletableFuture.completedFuture(response);
    }
}
