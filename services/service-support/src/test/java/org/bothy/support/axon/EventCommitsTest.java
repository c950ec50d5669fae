package org.bothy.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.Registration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bothy.testsupport.RealPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The signal streams wait for is given only once a read would see what was appended: after the real commit. */
class EventCommitsTest {

    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(RealPostgres.dataSource("event_commits")));

    @Test
    void inside_a_transaction_the_signal_follows_its_commit() {
        try (EventCommits commits = new EventCommits(Duration.ZERO)) {
            AtomicLong heard = new AtomicLong();
            commits.listen(heard::incrementAndGet);

            transaction.executeWithoutResult(status -> {
                commits.signalAfterCommit();
                assertThat(commits.count()).isZero();
                assertThat(heard).hasValue(0);
            });

            assertThat(commits.count()).isEqualTo(1);
            assertThat(heard).hasValue(1);
        }
    }

    @Test
    void a_transaction_joined_by_an_inner_one_signals_when_the_outer_one_commits() {
        try (EventCommits commits = new EventCommits(Duration.ZERO)) {
            transaction.executeWithoutResult(outer -> {
                transaction.executeWithoutResult(inner -> commits.signalAfterCommit());
                assertThat(commits.count()).as("the inner one only joined: nothing is committed yet").isZero();
            });

            assertThat(commits.count()).isEqualTo(1);
        }
    }

    @Test
    void a_transaction_rolled_back_signals_nothing() {
        try (EventCommits commits = new EventCommits(Duration.ZERO)) {
            AtomicLong heard = new AtomicLong();
            commits.listen(heard::incrementAndGet);

            transaction.executeWithoutResult(status -> {
                commits.signalAfterCommit();
                status.setRollbackOnly();
            });

            assertThat(commits.count()).isZero();
            assertThat(heard).hasValue(0);
        }
    }

    @Test
    void in_a_unit_of_work_without_a_transaction_the_signal_follows_the_unit_of_work() {
        try (EventCommits commits = new EventCommits(Duration.ZERO)) {
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
            commits.signalAfterCommit();
            assertThat(commits.count()).isZero();

            unit.commit();

            assertThat(commits.count()).isEqualTo(1);
        }
    }

    @Test
    void with_neither_the_signal_is_given_at_once() {
        try (EventCommits commits = new EventCommits(Duration.ZERO)) {
            commits.signalAfterCommit();

            assertThat(commits.count()).isEqualTo(1);
        }
    }

    @Test
    void a_cancelled_listener_hears_no_more() {
        try (EventCommits commits = new EventCommits(Duration.ZERO)) {
            AtomicLong heard = new AtomicLong();
            Registration listening = commits.listen(heard::incrementAndGet);
            commits.signalAfterCommit();

            listening.cancel();
            commits.signalAfterCommit();

            assertThat(heard).hasValue(1);
            assertThat(commits.count()).isEqualTo(2);
        }
    }

    @Test
    void a_failing_listener_neither_reaches_the_committer_nor_silences_the_others() {
        try (EventCommits commits = new EventCommits(Duration.ZERO)) {
            AtomicLong heard = new AtomicLong();
            commits.listen(() -> {
                throw new IllegalStateException("a processor shutting down");
            });
            commits.listen(heard::incrementAndGet);

            commits.signalAfterCommit();

            assertThat(heard).hasValue(1);
        }
    }

    @Test
    void a_stream_waiting_for_a_commit_wakes_on_the_signal() throws Exception {
        try (EventCommits commits = new EventCommits(Duration.ZERO)) {
            long seen = commits.count();
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<Long> woken = CompletableFuture.supplyAsync(() -> {
                waiting.countDown();
                try {
                    commits.awaitAfter(seen, TimeUnit.HOURS.toNanos(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return commits.count();
            });
            assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();

            commits.signalAfterCommit();

            assertThat(woken.get(30, TimeUnit.SECONDS)).isEqualTo(seen + 1);
        }
    }

    @Test
    void the_poll_tells_listeners_without_any_commit_for_events_another_instance_appended() throws Exception {
        try (EventCommits commits = new EventCommits(Duration.ofMillis(10))) {
            CountDownLatch heard = new CountDownLatch(2);
            commits.listen(heard::countDown);

            assertThat(heard.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(commits.count()).isGreaterThanOrEqualTo(2);
        }
    }
}
