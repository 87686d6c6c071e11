package io.strongroom.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretValueTest {

    @Test
    void toStringShowsTypeAndSizeButNeverTheValue() {
        assertThat(SecretValue.ofString("p4ssw0rd").toString()).isEqualTo("SecretValue[STRING, 8 bytes]");
    }

    @Test
    void valuesAreTheSameOnlyWithTheSameMemberAndBytes() {
        assertThat(SecretValue.ofString("a").sameAs(SecretValue.ofString("a"))).isTrue();
        assertThat(SecretValue.ofString("a").sameAs(SecretValue.ofString("b"))).isFalse();
        assertThat(SecretValue.ofString("a").sameAs(SecretValue.ofBinary(new byte[] {'a'}))).isFalse();
        assertThat(SecretValue.ofString("a").sameAs(null)).isFalse();
    }
}
