package io.strongroom.embedded;

/** SIGKILL for a child JVM, waiting until it is gone; an interrupt is kept for the caller, not lost. */
public final class ChildKill {
    private ChildKill() {}

    public static void killAndWait(Process p) {
        p.destroyForcibly();
        awaitExit(p);
    }

    private static void awaitExit(Process p) {
        boolean interrupted = false;
        while (true) {
            try {
                p.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
