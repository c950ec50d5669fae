package org.bothy.partner.spend;

import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of local spend and LM3, with the consortium's worked figures. */
class ProjectTest {

    private static final String PROJECT = "3c9e1f20-7b1d-4c2e-8f00-5a6b7c8d9e0f";
    private static final String NAME = "Summer football camps";
    private static final long R1 = 100_000_00L;
    private static final long R2 = 60_000_00L;

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void theWorkedFiguresPredictAnLm3Of184() {
        // R1 £100,000, R2 £60,000, R3 £24,000 (40% of R2): (100 + 60 + 24) / 100 = 1.84
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, R1, R2, Respend.percent(BigDecimal.valueOf(40))))
                .expectEvents(new ProjectStarted(PROJECT, NAME, R1, R2, Respend.percent(BigDecimal.valueOf(40))),
                        new Lm3Calculated(PROJECT, NAME, Lm3Basis.PREDICTED, R1, R2, 24_000_00L,
                                new BigDecimal("1.84")));
    }

    @Test
    void aSurveyedAmountIsTakenAsR3AsItIs() {
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, R1, R2, Respend.pence(24_000_00L)))
                .expectEvents(new ProjectStarted(PROJECT, NAME, R1, R2, Respend.pence(24_000_00L)),
                        new Lm3Calculated(PROJECT, NAME, Lm3Basis.PREDICTED, R1, R2, 24_000_00L,
                                new BigDecimal("1.84")));
    }

    @Test
    void theActualLm3CountsOnlyLocalLinesAndTheSurveyedShareOfThem() {
        fixture.given(started(),
                        new SpendRecorded(PROJECT, "l1", "Pilton bakery", 35_000_00L, true),
                        new SpendRecorded(PROJECT, "l2", "Local coaches (staff)", 25_000_00L, true),
                        new SpendRecorded(PROJECT, "l3", "National kit supplier", 30_000_00L, false),
                        new RespendSurveyed(PROJECT, Respend.percent(BigDecimal.valueOf(40))))
                .when(new FinishProject(PROJECT))
                .expectEvents(new ProjectFinished(PROJECT),
                        new Lm3Calculated(PROJECT, NAME, Lm3Basis.ACTUAL, R1, R2, 24_000_00L,
                                new BigDecimal("1.84")));
    }

    @Test
    void aPercentageOfR3IsRoundedHalfUpToThePennyAndLm3HalfUpToTwoPlaces() {
        // R2 = 1,001p at 12.5% is 125.125p -> 125p; LM3 = (10,000 + 1,001 + 125) / 10,000 = 1.1126 -> 1.11
        fixture.given(new ProjectStarted(PROJECT, NAME, 10_000L, 0L, Respend.percent(BigDecimal.ZERO)),
                        new SpendRecorded(PROJECT, "l1", "Corner shop", 1_001L, true),
                        new RespendSurveyed(PROJECT, Respend.percent(new BigDecimal("12.5"))))
                .when(new FinishProject(PROJECT))
                .expectEvents(new ProjectFinished(PROJECT),
                        new Lm3Calculated(PROJECT, NAME, Lm3Basis.ACTUAL, 10_000L, 1_001L, 125L,
                                new BigDecimal("1.11")));
    }

    @Test
    void aSpendLineIsRecordedOnce() {
        fixture.given(started(), new SpendRecorded(PROJECT, "l1", "Pilton bakery", 500L, true))
                .when(new RecordSpend(PROJECT, "l1", "Pilton bakery", 500L, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aProjectWithoutIncomeOrWithAnImpossibleSurveyCannotStart() {
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, 0L, R2, Respend.percent(BigDecimal.TEN)))
                .expectException(InvalidSpendFigure.class)
                .expectExceptionMessage("incomePence must be more than 0: LM3 is divided by the income");
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, R1, R2, Respend.percent(BigDecimal.valueOf(101))))
                .expectException(InvalidSpendFigure.class)
                .expectExceptionMessage("plannedRespend.percent must be from 0 to 100");
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, R1, R2, new Respend(BigDecimal.TEN, 5L)))
                .expectException(InvalidSpendFigure.class);
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, R1, R2, Respend.pence(R2 + 1)))
                .expectException(InvalidSpendFigure.class);
    }

    @Test
    void aSpendLineNeedsASupplierAndAnAmount() {
        fixture.given(started())
                .when(new RecordSpend(PROJECT, "l1", " ", 500L, true))
                .expectException(InvalidSpendFigure.class);
        fixture.given(started())
                .when(new RecordSpend(PROJECT, "l1", "Pilton bakery", 0L, true))
                .expectException(InvalidSpendFigure.class);
    }

    @Test
    void aProjectFinishesOnlyOnceItsReSpendHasBeenSurveyed() {
        fixture.given(started(), new SpendRecorded(PROJECT, "l1", "Pilton bakery", 500L, true))
                .when(new FinishProject(PROJECT))
                .expectException(NoRespendSurvey.class)
                .expectNoEvents();
    }

    @Test
    void aSurveyedAmountAboveTheLocalSpendCannotFinishTheProject() {
        fixture.given(started(), new SpendRecorded(PROJECT, "l1", "Pilton bakery", 500L, true),
                        new RespendSurveyed(PROJECT, Respend.pence(501L)))
                .when(new FinishProject(PROJECT))
                .expectException(RespendAboveLocalSpend.class)
                .expectNoEvents();
    }

    @Test
    void aFinishedProjectTakesNoMoreSpendNoSurveyAndNoSecondFinish() {
        fixture.given(started(), new RespendSurveyed(PROJECT, Respend.pence(0L)), new ProjectFinished(PROJECT))
                .when(new RecordSpend(PROJECT, "l9", "Late invoice", 100L, true))
                .expectException(ProjectIsFinished.class);
        fixture.given(started(), new RespendSurveyed(PROJECT, Respend.pence(0L)), new ProjectFinished(PROJECT))
                .when(new RecordRespendSurvey(PROJECT, Respend.pence(10L)))
                .expectException(ProjectIsFinished.class);
        fixture.given(started(), new RespendSurveyed(PROJECT, Respend.pence(0L)), new ProjectFinished(PROJECT))
                .when(new FinishProject(PROJECT))
                .expectException(ProjectIsFinished.class);
    }

    @Test
    void aProjectNeedsANameAndNoNegativePlannedSpend() {
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, " ", R1, R2, Respend.percent(BigDecimal.TEN)))
                .expectException(InvalidSpendFigure.class)
                .expectExceptionMessage("name must not be blank")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, R1, -1L, Respend.percent(BigDecimal.TEN)))
                .expectException(InvalidSpendFigure.class)
                .expectExceptionMessage("plannedLocalSpendPence must be 0 or more")
                .expectNoEvents();
    }

    @Test
    void aPlannedReSpendGivesEitherAPercentageOrAnAmountThatIsNotNegative() {
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, R1, R2, new Respend(null, null)))
                .expectException(InvalidSpendFigure.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("either percent or pence"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, R1, R2, Respend.percent(BigDecimal.valueOf(-1))))
                .expectException(InvalidSpendFigure.class)
                .expectExceptionMessage("plannedRespend.percent must be from 0 to 100")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new StartProject(PROJECT, NAME, R1, R2, new Respend(null, -1L)))
                .expectException(InvalidSpendFigure.class)
                .expectExceptionMessage("plannedRespend.pence must be 0 or more")
                .expectNoEvents();
    }

    @Test
    void aSurveyIsRecordedWithTheSameFiguresAsAPlan() {
        fixture.given(started())
                .when(new RecordRespendSurvey(PROJECT, Respend.percent(BigDecimal.valueOf(35))))
                .expectEvents(new RespendSurveyed(PROJECT, Respend.percent(BigDecimal.valueOf(35))));
        fixture.given(started())
                .when(new RecordRespendSurvey(PROJECT, Respend.percent(BigDecimal.valueOf(120))))
                .expectException(InvalidSpendFigure.class)
                .expectExceptionMessage("percent must be from 0 to 100")
                .expectNoEvents();
        fixture.given(started())
                .when(new RecordRespendSurvey(PROJECT, new Respend(BigDecimal.ONE, 10L)))
                .expectException(InvalidSpendFigure.class)
                .expectNoEvents();
        fixture.given(started())
                .when(new RecordRespendSurvey(PROJECT, new Respend(null, -5L)))
                .expectException(InvalidSpendFigure.class)
                .expectExceptionMessage("pence must be 0 or more")
                .expectNoEvents();
    }

    private static ProjectStarted started() {
        return new ProjectStarted(PROJECT, NAME, R1, R2, Respend.percent(BigDecimal.valueOf(40)));
    }
}
