package io.strongroom.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "scale", mixinStandardHelpOptions = true, description = "placeholder")
public final class ScaleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
