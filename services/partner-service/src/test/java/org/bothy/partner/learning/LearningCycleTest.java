package org.bothy.partner.learning;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a learning cycle, each read as a sentence: given what happened, when asked, then what happens. */
class LearningCycleTest {

    private static final String CYCLE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final CyclePlan PLAN = new CyclePlan(
            "Stop young people falling out of college in their first term",
            "What happens if a DSW walks with them to the first three classes?",
            List.of("Walk to the first three classes", "Text the evening before"),
            List.of("attendance", "how they say it feels"),
            "Team huddle every Friday", "Only with young people who ask for it", "Stop if they feel watched");
    private static final CycleManaging MANAGING = new CycleManaging("Autumn term", "Two DSWs, half a day a week",
            "College welcomes it", "Timetables change late", List.of("cycle-consortium-education"));
    private static final CycleLearning LEARNING_HERE = new CycleLearning("Dropping out starts with the bus fare",
            "Meet at the bus stop, not the college", null, "Bus passes in the first-week kit", null, false);
    private static final CycleLearning LEARNING_FOR_ALL = new CycleLearning("Dropping out starts with the bus fare",
            "Meet at the bus stop, not the college", "Travel costs, not motivation, decide the first term",
            "Bus passes in the first-week kit", "The council's travel grant must be paid before term", true);

    private FixtureConfiguration<LearningCycle> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LearningCycle.class);
        fixture.registerInjectableResource(Codes.northEdinburgh());
    }

    @Test
    void aCycleStartsAtANamedScaleWithItsPlan() {
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE, "team", PLAN, MANAGING))
                .expectEvents(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING));
    }

    @Test
    void anUnknownScaleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE, "galaxy", PLAN, MANAGING))
                .expectException(UnknownCodeException.class);
    }

    @Test
    void aCycleWithoutAQuestionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE, "team", new CyclePlan("A purpose", " ", null, null, null, null,
                        null), MANAGING))
                .expectException(InvalidLearningCycle.class)
                .expectExceptionMessage("plan.question must be written: a learning cycle asks a question");
    }

    @Test
    void aCycleIsNotConnectedToItself() {
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING))
                .when(new ReviseManaging(CYCLE, new CycleManaging(null, null, null, null, List.of(CYCLE))))
                .expectException(InvalidLearningCycle.class);
    }

    @Test
    void learningForThisScaleOnlyStaysHere() {
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING))
                .when(new RecordLearning(CYCLE, LEARNING_HERE))
                .expectEvents(new LearningRecorded(CYCLE, LEARNING_HERE));
    }

    @Test
    void learningMarkedForOtherScalesIsSharedWithItsPatternsQuestionAndConnections() {
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING))
                .when(new RecordLearning(CYCLE, LEARNING_FOR_ALL))
                .expectEvents(new LearningRecorded(CYCLE, LEARNING_FOR_ALL),
                        new LearningSharedAcrossScales(CYCLE, 1, "team", PLAN.question(),
                                LEARNING_FOR_ALL.patterns(), LEARNING_FOR_ALL.learningForOtherScales(),
                                List.of("cycle-consortium-education")));
    }

    @Test
    void learningMarkedForOtherScalesWithoutAnythingForThemIsRefused() {
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING))
                .when(new RecordLearning(CYCLE, new CycleLearning("A pattern", null, " ", null, null, true)))
                .expectException(InvalidLearningCycle.class)
                .expectNoEvents();
    }

    @Test
    void aNewConnectionOfASharedCycleIsSharedAgainWithAHigherRevision() {
        CycleManaging connected = new CycleManaging("Autumn term", "Two DSWs, half a day a week",
                "College welcomes it", "Timetables change late",
                List.of("cycle-consortium-education", "cycle-place-transport"));
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING),
                        new LearningRecorded(CYCLE, LEARNING_FOR_ALL),
                        new LearningSharedAcrossScales(CYCLE, 1, "team", PLAN.question(),
                                LEARNING_FOR_ALL.patterns(), LEARNING_FOR_ALL.learningForOtherScales(),
                                List.of("cycle-consortium-education")))
                .when(new ReviseManaging(CYCLE, connected))
                .expectEvents(new ManagingRevised(CYCLE, connected),
                        new LearningSharedAcrossScales(CYCLE, 2, "team", PLAN.question(),
                                LEARNING_FOR_ALL.patterns(), LEARNING_FOR_ALL.learningForOtherScales(),
                                connected.connections()));
    }

    @Test
    void aChangeToResourcesAloneIsNotShared() {
        CycleManaging moreTime = new CycleManaging("Autumn and spring terms", "Two DSWs, half a day a week",
                "College welcomes it", "Timetables change late", List.of("cycle-consortium-education"));
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING),
                        new LearningRecorded(CYCLE, LEARNING_FOR_ALL),
                        new LearningSharedAcrossScales(CYCLE, 1, "team", PLAN.question(),
                                LEARNING_FOR_ALL.patterns(), LEARNING_FOR_ALL.learningForOtherScales(),
                                List.of("cycle-consortium-education")))
                .when(new ReviseManaging(CYCLE, moreTime))
                .expectEvents(new ManagingRevised(CYCLE, moreTime));
    }

    @Test
    void aGoverningReviewIsRecordedOnceWithItsDate() {
        GovernanceReviewed review = new GovernanceReviewed(CYCLE, "review-1", LocalDate.of(2026, 11, 20),
                "Yes: the bus fare pattern is in the induction", "Partly: two of four partners",
                "Young people themselves now join the Friday huddle");
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING))
                .when(new ReviewGovernance(CYCLE, "review-1", LocalDate.of(2026, 11, 20), review.lessonsLearnt(),
                        review.practiceChanging(), review.whoIsIncluded()))
                .expectEvents(review);
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING), review)
                .when(new ReviewGovernance(CYCLE, "review-1", LocalDate.of(2026, 11, 20), "again", null, null))
                .expectNoEvents();
    }

    @Test
    void aReviewNeedsItsDate() {
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING))
                .when(new ReviewGovernance(CYCLE, "review-1", null, "Yes", "Yes", "Everyone"))
                .expectException(InvalidLearningCycle.class);
    }

    private static Object[] sharedCycle() {
        return new Object[] {new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING),
                new LearningRecorded(CYCLE, LEARNING_FOR_ALL),
                new LearningSharedAcrossScales(CYCLE, 1, "team", PLAN.question(), LEARNING_FOR_ALL.patterns(),
                        LEARNING_FOR_ALL.learningForOtherScales(), MANAGING.connections())};
    }

    private static CyclePlan planAsking(String purpose, String question) {
        return new CyclePlan(purpose, question, PLAN.actions(), PLAN.data(), PLAN.senseMaking(), PLAN.safeToFail(),
                PLAN.countermeasures());
    }

    @Test
    void aCycleIsNotStartedConnectedToItself() {
        fixture.givenNoPriorActivity()
                .when(new StartLearningCycle(CYCLE, "team", PLAN,
                        new CycleManaging(null, null, null, null, List.of(CYCLE))))
                .expectException(InvalidLearningCycle.class)
                .expectNoEvents();
    }

    @Test
    void aRevisedQuestionOfASharedCycleIsSharedAgain() {
        CyclePlan asked = planAsking(PLAN.purpose(), "What happens if they choose who walks with them?");
        fixture.given(sharedCycle())
                .when(new RevisePlan(CYCLE, asked))
                .expectEvents(new PlanRevised(CYCLE, asked),
                        new LearningSharedAcrossScales(CYCLE, 2, "team", asked.question(), LEARNING_FOR_ALL.patterns(),
                                LEARNING_FOR_ALL.learningForOtherScales(), MANAGING.connections()));
    }

    @Test
    void aRevisedPlanThatKeepsItsQuestionIsNotShared() {
        CyclePlan repurposed = planAsking("Keep young people in college all year", PLAN.question());
        fixture.given(sharedCycle())
                .when(new RevisePlan(CYCLE, repurposed))
                .expectEvents(new PlanRevised(CYCLE, repurposed));
    }

    @Test
    void aRevisedPlanStillAsksAQuestion() {
        fixture.given(sharedCycle())
                .when(new RevisePlan(CYCLE, planAsking(PLAN.purpose(), "")))
                .expectException(InvalidLearningCycle.class)
                .expectNoEvents();
    }

    @Test
    void sayingAgainWhatACycleSaysChangesNothing() {
        fixture.given(sharedCycle())
                .when(new RevisePlan(CYCLE, PLAN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(sharedCycle())
                .when(new ReviseManaging(CYCLE, MANAGING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(sharedCycle())
                .when(new RecordLearning(CYCLE, LEARNING_FOR_ALL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void learningMarkedForOtherScalesNeedsItsPatterns() {
        fixture.given(new LearningCycleStarted(CYCLE, "team", PLAN, MANAGING))
                .when(new RecordLearning(CYCLE, new CycleLearning(" ", null, "Travel costs decide", null, null, true)))
                .expectException(InvalidLearningCycle.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("patterns "))
                .expectNoEvents();
    }
}
