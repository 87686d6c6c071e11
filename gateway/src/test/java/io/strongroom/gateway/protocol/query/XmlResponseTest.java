package io.strongroom.gateway.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.gateway.protocol.WireJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XmlResponseTest {

    @Test
    void successWrapsTheResultWithTheRequestId() {
        ObjectNode result = WireJson.object().put("ARN", "arn:x").put("Name", "a<b&c");
        result.set("CreatedDate", WireJson.timestamp(Instant.parse("2026-11-27T10:15:30.123Z")));
        result.putArray("VersionStages").add("AWSCURRENT").add("AWSPREVIOUS");

        assertThat(XmlResponse.success("GetSecretValue", result, "req-1")).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<GetSecretValueResponse xmlns=\"" + XmlResponse.NAMESPACE + "\"><GetSecretValueResult>"
                + "<ARN>arn:x</ARN><Name>a&lt;b&amp;c</Name><CreatedDate>2026-11-27T10:15:30.123Z</CreatedDate>"
                + "<VersionStages><member>AWSCURRENT</member><member>AWSPREVIOUS</member></VersionStages>"
                + "</GetSecretValueResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
                + "</GetSecretValueResponse>");
    }

    @Test
    void mapsAreEntriesAndStructuresNest() {
        ObjectNode result = WireJson.object();
        result.putObject("VersionIdsToStages").putArray("v1").add("AWSCURRENT");
        result.putArray("Tags").addObject().put("Key", "team").put("Value", "blue");

        assertThat(XmlResponse.success("DescribeSecret", result, "r")).contains(
                "<VersionIdsToStages><entry><key>v1</key><value><member>AWSCURRENT</member></value></entry>"
                        + "</VersionIdsToStages>",
                "<Tags><member><Key>team</Key><Value>blue</Value></member></Tags>");
    }

    @Test
    void errorsNameTheirCodeAndWhoseFaultItIs() {
        assertThat(XmlResponse.error(AwsErrorCode.RESOURCE_NOT_FOUND.reject("not 'here'"), 400, "r")).contains(
                "<Error><Type>Sender</Type><Code>ResourceNotFoundException</Code>"
                        + "<Message>not &apos;here&apos;</Message></Error><RequestId>r</RequestId>");
        assertThat(XmlResponse.error(AwsErrorCode.INTERNAL_SERVICE_ERROR.reject("x"), 500, "r"))
                .contains("<Type>Receiver</Type>");
    }
}
