package org.bothy.place.reach;

import org.bothy.kernel.contract.ContractEvent;
import org.bothy.kernel.contract.learning.LearningEvent;
import org.bothy.place.intake.LearningProjection;
import org.bothy.place.intake.PartnerEvents;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Notes that an organisation saw a person (by pseudonym) in a month, from any learning event about them: the basis
 * of reach and of the revolving door, counted as it is noted (see {@link ReachTally}).
 */
@Component
public class PersonSeenProjection implements LearningProjection {

    private final ReachTally tally;

    public PersonSeenProjection(ReachTally tally) {
        this.tally = tally;
    }

    @Override
    public void apply(List<ContractEvent> firstSeen) {
        tally.seen(firstSeen.stream()
                .filter(PersonSeenProjection::meansSeen)
                .map(LearningEvent.class::cast)
                .map(event -> new ReachTally.PersonMonth(event.organisation(), event.pseudonym(), month(event)))
                .distinct()
                .toList());
    }

    /** Whether the event records support given to the person (an erasure or a withdrawal of consent does not). */
    static boolean meansSeen(ContractEvent event) {
        return event instanceof LearningEvent && !PartnerEvents.endsSharing(event);
    }

    private static LocalDate month(LearningEvent event) {
        return event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }
}
