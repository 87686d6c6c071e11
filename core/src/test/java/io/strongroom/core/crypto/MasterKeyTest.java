package io.strongroom.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    @Test
    void toStringNamesTheKeyButNeverShowsTheMaterial() {
        byte[] material = new byte[32];
        Arrays.fill(material, (byte) 0x5a);
        MasterKey key = new MasterKey("alias/aws/secretsmanager", 3, material);

        assertThat(key.toString()).isEqualTo("MasterKey[alias/aws/secretsmanager#3]")
                .doesNotContain(HexFormat.of().formatHex(material))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(material))
                .doesNotContain("ZZZZ");
    }

    @Test
    void itsIdIsNameHashVersion() {
        assertThat(new MasterKey("alias/k", 2, new byte[32]).id()).isEqualTo("alias/k#2");
    }

    @Test
    void holdsACopyOfTheMaterial() {
        byte[] material = new byte[32];
        MasterKey key = new MasterKey("k", 1, material);
        material[0] = 1;

        assertThat(key.material()[0]).isZero();
    }

    @Test
    void refusesMaterialThatIsNot256Bits() {
        assertThatThrownBy(() -> new MasterKey("k", 1, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("[");
    }
}
