package org.bothy.place;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bothy.place.barriers.BarrierMonthTally;
import org.bothy.place.barriers.BarrierProjection;
import org.bothy.place.barriers.BarrierTally;
import org.bothy.place.cost.ContactProjection;
import org.bothy.place.erasure.SharingEnded;
import org.bothy.place.intake.AppliedEvents;
import org.bothy.place.intake.ConsumerOffsets;
import org.bothy.place.intake.ContractCheck;
import org.bothy.place.intake.DeadLetters;
import org.bothy.place.intake.IntakeBatch;
import org.bothy.place.intake.IntakeMetrics;
import org.bothy.place.intake.IntakeProperties;
import org.bothy.place.intake.LearningIntake;
import org.bothy.place.intake.LearningProjection;
import org.bothy.place.issues.IssueProjection;
import org.bothy.place.learning.ExperimentLearningProjection;
import org.bothy.place.learning.LearningCycleProjection;
import org.bothy.place.lm3.Lm3Projection;
import org.bothy.place.reach.JourneyProjection;
import org.bothy.place.reach.PersonSeenProjection;
import org.bothy.place.reach.ReachTally;
import org.bothy.place.rebuild.BulkReplay;
import org.bothy.place.rebuild.ProjectionRebuild;
import org.bothy.place.rebuild.ShadowSchema;
import org.bothy.place.referrals.ReferralProjection;
import org.bothy.place.signals.SignalMarker;
import org.bothy.place.signals.SignalProperties;
import org.bothy.place.signals.SignalPublisher;
import org.bothy.place.softmeasures.SoftMeasureProjection;
import org.bothy.testsupport.RealKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * The place's intake batch, projections and rebuild wired by hand on one database and the test kit's real Kafka
 * broker, as Spring wires them in the service (erasure last), for tests and harnesses that need two places side by
 * side or no web server. The evidence signal publisher is not started: signals are marked, never sent.
 */
public final class HandWiredPlace {

    /** The database's template, as the service's. */
    public final JdbcTemplate jdbc;
    /** One poll applied in one transaction, as the live intake applies it. */
    public final IntakeBatch batch;
    /** The bulk load a rebuild uses. */
    public final BulkReplay bulk;
    /** The shadow schema a rebuild fills and swaps. */
    public final ShadowSchema shadow;
    /** The live intake (not started). */
    public final LearningIntake intake;
    /** The whole rebuild, from the topics to the swap. */
    public final ProjectionRebuild rebuild;

    /** Wired on {@code dataSource}; refused records go to the real broker's dead-letter topic. */
    public HandWiredPlace(DataSource dataSource) {
        jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        SignalPublisher publisher = new SignalPublisher(jdbc, null, null, null, new SignalProperties(null, 0, 0, null, 0));
        SignalMarker marker = new SignalMarker(jdbc, publisher);
        BarrierTally barrierTally = new BarrierTally(jdbc);
        BarrierMonthTally barrierMonthTally = new BarrierMonthTally(jdbc);
        ReachTally reachTally = new ReachTally(jdbc);
        SharingEnded sharingEnded = new SharingEnded(jdbc, marker, barrierTally, barrierMonthTally, reachTally);
        List<LearningProjection> projections = List.of(new BarrierProjection(jdbc, barrierTally, barrierMonthTally),
                new JourneyProjection(jdbc),
                new PersonSeenProjection(reachTally), new ContactProjection(jdbc), new SoftMeasureProjection(jdbc),
                new ExperimentLearningProjection(jdbc), new LearningCycleProjection(jdbc), new IssueProjection(jdbc, marker),
                new Lm3Projection(jdbc), new ReferralProjection(jdbc), marker, sharingEnded);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeadLetters deadLetters = new DeadLetters(new DefaultKafkaProducerFactory<>(RealKafka.producerProperties()), meters);
        ConsumerOffsets offsets = new ConsumerOffsets(jdbc);
        batch = new IntakeBatch(new ContractCheck(), new AppliedEvents(jdbc), projections, deadLetters, offsets, transaction,
                jdbc);
        shadow = new ShadowSchema(jdbc, transaction);
        bulk = new BulkReplay(batch, projections, sharingEnded, marker, barrierTally, barrierMonthTally, reachTally, offsets,
                shadow, jdbc, transaction);
        DefaultKafkaConsumerFactory<Object, Object> consumers = new DefaultKafkaConsumerFactory<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealKafka.bootstrapServers()));
        IntakeProperties properties = new IntakeProperties(null, null, null, 0, null, 0, 0, null);
        intake = new LearningIntake(consumers, batch, offsets, new IntakeMetrics(meters), properties);
        rebuild = new ProjectionRebuild(consumers, batch, bulk, intake, shadow, properties);
    }
}
