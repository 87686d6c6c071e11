package io.strongroom.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DevFootprintTest {

    @Test
    void theParallelCollectorsGenerationsAreSummed() {
        String info = """
                28389:
                 PSYoungGen      total 750080K, used 10240K [0x00000000d0000000, 0x0000000100000000, 0x0000000100000000)
                  eden space 714240K, 1% used [0x00000000d0000000,0x00000000e475e990,0x00000000fb980000)
                 ParOldGen       total 786432K, used 378178K [0x00000000a0000000, 0x00000000d0000000, 0x00000000d0000000)
                  object space 786432K, 48% used [0x00000000a0000000,0x00000000b7150b08,0x00000000d0000000)
                 Metaspace       used 82270K, committed 83648K, reserved 1179648K
                  class space    used 9000K, committed 9600K, reserved 1048576K
                """;
        assertThat(DevFootprint.usedKiB(info)).isEqualTo(10240 + 378178);
    }

    @Test
    void g1NamesTheWholeHeapOnce() {
        String info = """
                1234:
                 garbage-first heap   total 1048576K, used 123456K [0x00000000c0000000, 0x0000000100000000)
                  region size 1024K, 5 young (5120K), 0 survivors (0K)
                 Metaspace       used 62340K, committed 63104K, reserved 1105920K
                """;
        assertThat(DevFootprint.usedKiB(info)).isEqualTo(123456);
        assertThat(DevFootprint.usedKiB("1234:\nno such command")).isEqualTo(-1);
    }
}
