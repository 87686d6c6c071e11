package io.strongroom.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.secret.Tag;
import org.junit.jupiter.api.Test;

class JsonRequestTest {

    @Test
    void absentAndNullMembersAreNull() throws Exception {
        JsonRequest request = request("{\"Description\": null}");

        assertThat(request.string("Description")).isNull();
        assertThat(request.string("Name")).isNull();
        assertThat(request.integer("MaxResults")).isNull();
        assertThat(request.tags("Tags")).isNull();
    }

    @Test
    void membersOfTheRightTypeAreRead() throws Exception {
        JsonRequest request = request("{\"S\": \"x\", \"I\": 7, \"L\": 30, \"B\": true, \"Bin\": \"AAE=\", "
                + "\"List\": [\"a\", \"b\"], \"Tags\": [{\"Key\": \"k\", \"Value\": \"v\"}, {\"Key\": \"only\"}]}");

        assertThat(request.string("S")).isEqualTo("x");
        assertThat(request.integer("I")).isEqualTo(7);
        assertThat(request.longValue("L")).isEqualTo(30L);
        assertThat(request.bool("B")).isTrue();
        assertThat(request.blob("Bin")).containsExactly(0, 1);
        assertThat(request.strings("List")).containsExactly("a", "b");
        assertThat(request.tags("Tags")).containsExactly(new Tag("k", "v"), new Tag("only", null));
    }

    @Test
    void aMemberOfAnotherTypeIsASerializationExceptionNamingItButNotItsValue() throws Exception {
        JsonRequest request = request("{\"SecretString\": 12345, \"MaxResults\": \"10\", \"Flag\": 1, \"Big\": 3000000000}");

        assertSerialization(() -> request.string("SecretString"), "NUMBER_VALUE cannot be converted to String (member 'SecretString')");
        assertSerialization(() -> request.integer("MaxResults"), "STRING_VALUE cannot be converted to Integer");
        assertSerialization(() -> request.bool("Flag"), "NUMBER_VALUE cannot be converted to Boolean");
        assertSerialization(() -> request.integer("Big"), "cannot be converted to Integer");
        assertThatThrownBy(() -> request.string("SecretString")).satisfies(e -> assertThat(e.getMessage()).doesNotContain("12345"));
    }

    @Test
    void invalidBase64IsASerializationException() throws Exception {
        assertSerialization(() -> request("{\"SecretBinary\": \"%%%\"}").blob("SecretBinary"), "Invalid base64");
    }

    private static JsonRequest request(String json) throws Exception {
        return new JsonRequest((ObjectNode) WireJson.MAPPER.readTree(json));
    }

    private static void assertSerialization(ThrowingCall call, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOf(RejectedException.class).satisfies(e -> {
            assertThat(((RejectedException) e).rejection().code()).isEqualTo(AwsErrorCode.SERIALIZATION);
            assertThat(((RejectedException) e).rejection().message()).contains(messagePart);
        });
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }
}
