package io.strongroom.deploy.cli;

import picocli.CommandLine.Command;

/** {@code strongroom audit verify|tail}: reading the audit trail back. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Read the audit trail (topic strongroom.audit) back.",
        subcommands = {AuditVerifyCommand.class, AuditTailCommand.class})
public final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
