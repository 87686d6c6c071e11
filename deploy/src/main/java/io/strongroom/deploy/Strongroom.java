package io.strongroom.deploy;

import io.strongroom.bench.cli.BenchCommand;
import io.strongroom.deploy.cli.AuditCommand;
import io.strongroom.deploy.cli.CommandServiceCommand;
import io.strongroom.deploy.cli.DevCommand;
import io.strongroom.deploy.cli.GatewayCommand;
import io.strongroom.deploy.cli.KafkaAclsCommand;
import io.strongroom.deploy.cli.KeysCommand;
import io.strongroom.deploy.cli.NodeCommand;
import io.strongroom.deploy.cli.ProjectionServiceCommand;
import io.strongroom.deploy.cli.ReplicatorCommand;
import io.strongroom.deploy.cli.SchedulerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code strongroom} launcher: the dev cluster, or one service of a real deployment. */
@Command(name = "strongroom", mixinStandardHelpOptions = true, version = "Strongroom 0.1.0",
        description = "A self-hosted secret store speaking the AWS Secrets Manager API.",
        subcommands = {DevCommand.class, NodeCommand.class, GatewayCommand.class, CommandServiceCommand.class,
                ProjectionServiceCommand.class, AuditCommand.class, SchedulerCommand.class,
                KafkaAclsCommand.class, KeysCommand.class, BenchCommand.class,
                ReplicatorCommand.class})
public final class Strongroom implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The launcher's command line, as {@link #main} runs it. */
    public static CommandLine commandLine() {
        return new CommandLine(new Strongroom()).setExecutionExceptionHandler(Strongroom::configurationError);
    }

    /** A refused configuration (e.g. plaintext internal traffic) is one clear line, not a stack trace. */
    private static int configurationError(Exception e, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof IllegalArgumentException) {
            command.getErr().println("strongroom " + command.getCommandName() + ": " + e.getMessage());
            return 2;
        }
        throw e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
