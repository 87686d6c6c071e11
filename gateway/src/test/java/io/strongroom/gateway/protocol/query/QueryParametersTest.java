package io.strongroom.gateway.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.RequestOrigin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private static ObjectNode tree(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], List.of(pairs[i + 1]));
        }
        return QueryParameters.toTree(parameters);
    }

    @Test
    void scalarsBecomeMembersAndProtocolParametersAreLeftOut() {
        ObjectNode tree = tree("Action", "CreateSecret", "Version", "2017-10-17", "X-Amz-Signature", "abc",
                "Name", "db", "SecretString", "v");

        assertThat(tree.toString()).isEqualTo("{\"Name\":\"db\",\"SecretString\":\"v\"}");
    }

    @Test
    void listsOfStringsAreMembersInIndexOrder() {
        ObjectNode tree = tree("VersionStages.member.10", "j", "VersionStages.member.2", "b",
                "VersionStages.member.1", "a");

        assertThat(tree.toString()).isEqualTo("{\"VersionStages\":[\"a\",\"b\",\"j\"]}");
    }

    @Test
    void listsOfStructuresAndNestedLists() {
        ObjectNode tree = tree("Tags.member.1.Key", "team", "Tags.member.1.Value", "blue",
                "Filters.member.1.Key", "name", "Filters.member.1.Values.member.1", "prod");

        assertThat(new JsonRequest(tree).tags("Tags")).singleElement()
                .satisfies(tag -> assertThat(tag.key() + "=" + tag.value()).isEqualTo("team=blue"));
        assertThat(tree.get("Filters").toString()).isEqualTo("[{\"Key\":\"name\",\"Values\":[\"prod\"]}]");
    }

    @Test
    void mapsAreEntriesOfKeyAndValue() {
        ObjectNode tree = tree("M.entry.1.key", "k1", "M.entry.1.value", "v1", "M.entry.2.key", "k2",
                "M.entry.2.value", "v2");

        assertThat(tree.toString()).isEqualTo("{\"M\":{\"k1\":\"v1\",\"k2\":\"v2\"}}");
    }

    @Test
    void numbersAndBooleansAreReadFromTheirText() {
        JsonRequest request = JsonRequest.fromQuery(tree("PasswordLength", "20", "ExcludeNumbers", "true",
                "RecoveryWindowInDays", "7"), RequestOrigin.UNKNOWN);

        assertThat(request.integer("PasswordLength")).isEqualTo(20);
        assertThat(request.bool("ExcludeNumbers")).isTrue();
        assertThat(request.longValue("RecoveryWindowInDays")).isEqualTo(7L);
    }

    @Test
    void textThatIsNotANumberIsASerializationError() {
        JsonRequest request = JsonRequest.fromQuery(tree("PasswordLength", "twenty", "IncludeSpace", "yes"), RequestOrigin.UNKNOWN);

        assertThatThrownBy(() -> request.integer("PasswordLength")).isInstanceOf(RejectedException.class)
                .hasMessageContaining("PasswordLength");
        assertThatThrownBy(() -> request.bool("IncludeSpace")).isInstanceOf(RejectedException.class);
    }

    @Test
    void aJsonRequestStaysStrictAboutTextualNumbers() {
        assertThatThrownBy(() -> new JsonRequest(tree("PasswordLength", "20")).integer("PasswordLength"))
                .isInstanceOf(RejectedException.class);
    }

    @Test
    void aNameGivenBothAsValueAndAsListIsRefused() {
        assertThatThrownBy(() -> tree("VersionStages", "x", "VersionStages.member.1", "y"))
                .isInstanceOf(RejectedException.class);
    }
}
