package io.strongroom.command.kafka;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what a failure of the command loop means: abort the transaction and
 * retry the batch, replace a producer that can no longer be used, or stop the instance.
 */
public class FailurePolicy {
    private static final Logger LOG = LoggerFactory.getLogger(FailurePolicy.class);

    public enum Kind {
        /** The transaction can be aborted and the batch read again. */
        ABORTABLE,
        /** The producer is fenced or broken: abort is impossible; a new producer (same transactional id) takes over. */
        PRODUCER_LOST,
        /** Configuration or authorization problems: retrying cannot help. */
        FATAL
    }

    private final Runnable onFatal;

    public FailurePolicy(Runnable onFatal) {
        this.onFatal = onFatal;
    }

    public Kind classify(Throwable failure) {
        if (failure instanceof AuthorizationException || failure instanceof UnsupportedVersionException) {
            return Kind.FATAL;
        }
        if (failure instanceof ProducerFencedException || failure instanceof InvalidProducerEpochException
                || failure instanceof OutOfOrderSequenceException || failure instanceof IllegalStateException) {
            return Kind.PRODUCER_LOST;
        }
        return Kind.ABORTABLE;
    }

    public void fatal(String what, Throwable failure) {
        LOG.error("command-service stopping: {}: {}", what, failure.toString());
        onFatal.run();
    }
}
