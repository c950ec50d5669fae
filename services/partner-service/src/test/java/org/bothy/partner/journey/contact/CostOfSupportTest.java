package org.bothy.partner.journey.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost of support adds up spend and time and says it the way a worker would. */
class CostOfSupportTest {

    private static ContactRecorded contact(String kind, int minutes, long pence) {
        return new ContactRecorded("j", "p", kind + minutes + pence, kind, LocalDate.of(2026, 3, 2), minutes, pence,
                null);
    }

    @Test
    void ninetyPoundsSixVisitsNineCallsFiveHoursForty() {
        List<ContactRecorded> contacts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contacts.add(contact("visit", 40, 1500));
        }
        for (int i = 0; i < 9; i++) {
            contacts.add(contact("call", i < 5 ? 10 : 0, 0));
        }
        CostOfSupport cost = CostOfSupport.of(contacts);

        assertThat(cost.spendPence()).isEqualTo(9000);
        assertThat(cost.spend()).isEqualTo("£90.00");
        assertThat(cost.visits()).isEqualTo(6);
        assertThat(cost.calls()).isEqualTo(9);
        assertThat(cost.minutes()).isEqualTo(290);
        assertThat(cost.summary()).isEqualTo("£90.00, 6 visits, 9 calls, 4 h 50 min");
    }

    @Test
    void oneOfAKindIsSingularAndNothingIsNothing() {
        assertThat(CostOfSupport.of(List.of()).summary()).isEqualTo("£0.00, 0 min");
        assertThat(CostOfSupport.of(List.of(contact("meeting", 60, 5), contact("message", 0, 0))).summary())
                .isEqualTo("£0.05, 1 message, 1 meeting, 1 h");
    }

    @Test
    void poundsAndTimeAreWrittenInFull() {
        assertThat(CostOfSupport.pounds(123456)).isEqualTo("£1,234.56");
        assertThat(CostOfSupport.time(340)).isEqualTo("5 h 40 min");
        assertThat(CostOfSupport.time(45)).isEqualTo("45 min");
    }
}
