package io.strongroom.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.auth.Caller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentitiesFileTest {
    @TempDir
    Path dir;

    private AccessKeyAccounts load(String json) throws IOException {
        Path file = dir.resolve("identities.json");
        Files.writeString(file, json);
        return IdentitiesFile.load(file);
    }

    @Test
    void eachIdentityHasItsKeyPairAccountPrincipalAndOptionalPolicy() throws IOException {
        AccessKeyAccounts identities = load("""
                {"identities": [
                  {"accessKeyId": "AKIAAPP", "secretAccessKey": "s1", "accountId": "111122223333",
                   "principalArn": "arn:aws:iam::111122223333:user/app",
                   "identityPolicy": {"Version": "2012-10-17", "Statement": []}},
                  {"accessKeyId": "AKIAOPS", "secretAccessKey": "s2", "accountId": "444455556666",
                   "principalArn": "arn:aws:iam::444455556666:role/ops",
                   "identityPolicy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[]}"},
                  {"accessKeyId": "AKIADEFAULT", "secretAccessKey": "s3", "accountId": "444455556666",
                   "principalArn": "arn:aws:iam::444455556666:user/plain"}
                ]}""");

        AccessKeyAccounts.Identity app = identities.find("AKIAAPP").orElseThrow();
        assertThat(app.secretAccessKey()).isEqualTo("s1");
        assertThat(app.caller()).isEqualTo(new Caller("111122223333", "arn:aws:iam::111122223333:user/app", "AKIAAPP",
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
        assertThat(identities.find("AKIAOPS").orElseThrow().identityPolicy())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        assertThat(identities.find("AKIADEFAULT").orElseThrow().identityPolicy()).isNull();
        assertThat(identities.find("AKIAUNKNOWN")).isEmpty();
    }

    @Test
    void anIdentityWithoutASecretKeyOrWithABadAccountIsRefusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> load("""
                {"identities": [{"accessKeyId": "AKIAAPP", "accountId": "111122223333", "principalArn": "arn"}]}"""))
                .hasMessageContaining("(AKIAAPP): lacks secretAccessKey");
        assertThatThrownBy(() -> load("""
                {"identities": [{"accessKeyId": "AKIAAPP", "secretAccessKey": "hunter2", "accountId": "12",
                 "principalArn": "arn"}]}"""))
                .hasMessageContaining("accountId must be 12 digits").message().doesNotContain("hunter2");
        assertThatThrownBy(() -> load("""
                {"identities": [{"accessKeyId": "AKIAAPP", "secretAccessKey": "hunter2", "accountId": "111122223333",
                 "principalArn": "arn", "identityPolicy": "not json"}]}"""))
                .hasMessageContaining("identityPolicy must be a JSON policy document");
        assertThatThrownBy(() -> load("{\"users\": []}")).hasMessageContaining("expected {\"identities\": [...]}");
    }

    @Test
    void theSameAccessKeyTwiceIsRefused() {
        assertThatThrownBy(() -> load("""
                {"identities": [
                  {"accessKeyId": "AKIAAPP", "secretAccessKey": "a", "accountId": "111122223333", "principalArn": "p"},
                  {"accessKeyId": "AKIAAPP", "secretAccessKey": "b", "accountId": "111122223333", "principalArn": "p"}]}"""))
                .hasMessageContaining("AKIAAPP given twice");
    }
}
