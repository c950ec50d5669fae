package org.bothy.place.tally;

import org.bothy.place.tally.TallyChange.AtOrganisation;
import org.bothy.place.tally.TallyChange.Overall;
import org.bothy.place.tally.TallyChange.Seen;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The changes to distinct-people counts as organisations see a person, or stop holding what they shared. */
class TallyChangeTest {

    @Test
    void aPersonFirstSeenAtOneDoorCountsThereAndInThePlace() {
        TallyChange<String> change = TallyChange.of(List.of(new Seen<>("housing", "p1", "north")), true,
                List.of(new Seen<>("housing", "p1", "north")));

        assertThat(change.atOrganisations()).containsExactly(new AtOrganisation<>("housing", "north", 1, 0));
        assertThat(change.overall()).containsExactly(new Overall<>("housing", 1));
    }

    @Test
    void aSecondDoorMakesBothDoorsSeeThemElsewhereTooButThePlaceStillCountsThemOnce() {
        TallyChange<String> change = TallyChange.of(List.of(new Seen<>("place", "p1", "south")), true,
                List.of(new Seen<>("place", "p1", "north"), new Seen<>("place", "p1", "south")));

        assertThat(change.atOrganisations()).containsExactly(
                new AtOrganisation<>("place", "north", 0, 1), new AtOrganisation<>("place", "south", 1, 1));
        assertThat(change.overall()).isEmpty();
    }

    @Test
    void aThirdDoorAddsOnlyItself() {
        TallyChange<String> change = TallyChange.of(List.of(new Seen<>("place", "p1", "west")), true,
                List.of(new Seen<>("place", "p1", "north"), new Seen<>("place", "p1", "south"), new Seen<>("place", "p1", "west")));

        assertThat(change.atOrganisations()).containsExactly(new AtOrganisation<>("place", "west", 1, 1));
    }

    @Test
    void anErasureAtOneOfTwoDoorsLeavesTheOtherDoorAloneWithThePerson() {
        TallyChange<String> change = TallyChange.of(List.of(new Seen<>("place", "p1", "north")), false,
                List.of(new Seen<>("place", "p1", "south")));

        assertThat(change.atOrganisations()).containsExactly(
                new AtOrganisation<>("place", "north", -1, -1), new AtOrganisation<>("place", "south", 0, -1));
        assertThat(change.overall()).isEmpty();
    }

    @Test
    void anErasureAtTheOnlyDoorTakesThePersonOffThePlace() {
        TallyChange<String> change = TallyChange.of(
                List.of(new Seen<>("housing", "p1", "north"), new Seen<>("debt", "p1", "north")), false, List.of());

        assertThat(change.atOrganisations()).containsExactly(
                new AtOrganisation<>("debt", "north", -1, 0), new AtOrganisation<>("housing", "north", -1, 0));
        assertThat(change.overall()).containsExactly(new Overall<>("debt", -1), new Overall<>("housing", -1));
    }

    @Test
    void twoPeopleInOneBatchAreCountedApartAndRowsOfOtherPeopleAreIgnored() {
        TallyChange<String> change = TallyChange.of(
                List.of(new Seen<>("housing", "p1", "north"), new Seen<>("housing", "p2", "north"),
                        new Seen<>("housing", "p2", "south")), true,
                List.of(new Seen<>("housing", "p1", "north"), new Seen<>("housing", "p2", "north"),
                        new Seen<>("housing", "p2", "south"), new Seen<>("housing", "p3", "west")));

        assertThat(change.atOrganisations()).containsExactly(
                new AtOrganisation<>("housing", "north", 2, 1), new AtOrganisation<>("housing", "south", 1, 1));
        assertThat(change.overall()).containsExactly(new Overall<>("housing", 2));
    }
}
