package io.strongroom.deploy;

import io.strongroom.deploy.cli.CommandServiceCommand;
import io.strongroom.deploy.cli.DevCommand;
import io.strongroom.deploy.cli.GatewayCommand;
import io.strongroom.deploy.cli.KeysCommand;
import io.strongroom.deploy.cli.NodeCommand;
import io.strongroom.deploy.cli.ProjectionServiceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code strongroom} launcher: the dev cluster, or one service of a real deployment. */
@Command(name = "strongroom", mixinStandardHelpOptions = true, version = "Strongroom 0.1.0",
        description = "A self-hosted secret store speaking the AWS Secrets Manager API.",
        subcommands = {DevCommand.class, NodeCommand.class, GatewayCommand.class, CommandServiceCommand.class,
                ProjectionServiceCommand.class,
                KeysCommand.class})
public final class Strongroom implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Strongroom()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
