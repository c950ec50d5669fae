package org.bothy.kernel.contract;

import java.util.List;
import java.util.Optional;
import org.bothy.kernel.contract.escalation.ChangeReported;
import org.bothy.kernel.contract.escalation.EscalationAcknowledged;
import org.bothy.kernel.contract.escalation.EscalationClosed;
import org.bothy.kernel.contract.escalation.EscalationOverdue;
import org.bothy.kernel.contract.escalation.EvidenceAdded;
import org.bothy.kernel.contract.escalation.EscalationRaised;
import org.bothy.kernel.contract.escalation.EscalationRaisedV1Reader;
import org.bothy.kernel.contract.escalation.EscalationResponded;
import org.bothy.kernel.contract.evidence.EvidenceSignal;
import org.bothy.kernel.contract.evidence.EvidenceSignalV1Reader;
import org.bothy.kernel.contract.evidence.IssueSignal;
import org.bothy.kernel.contract.evidence.IssueSignalV1Reader;
import org.bothy.kernel.contract.learning.BarrierObserved;
import org.bothy.kernel.contract.learning.BarrierObservedV1Reader;
import org.bothy.kernel.contract.learning.ConsentWithdrawn;
import org.bothy.kernel.contract.learning.ContactRecorded;
import org.bothy.kernel.contract.learning.ExperimentConcluded;
import org.bothy.kernel.contract.learning.IssuePublished;
import org.bothy.kernel.contract.learning.JourneyClosed;
import org.bothy.kernel.contract.learning.JourneyOpened;
import org.bothy.kernel.contract.learning.LearningCyclePublished;
import org.bothy.kernel.contract.learning.Lm3Reported;
import org.bothy.kernel.contract.learning.PersonErased;
import org.bothy.kernel.contract.learning.SoftMeasureScored;
import org.bothy.kernel.contract.referral.ReferralAccepted;
import org.bothy.kernel.contract.referral.ReferralDeclined;
import org.bothy.kernel.contract.referral.ReferralMade;

/**
 * Every contract version the consortium speaks. To publish a v2: make the record the v2 shape, add its schema and
 * example, register it here, and give the v1 entry a reader that upcasts v1 payloads to the new record, so that
 * records already on the topics stay readable.
 */
public final class Contracts {

    private static final ContractRegistry STANDARD = ContractRegistry.of(List.of(
            new ContractType("learning", "JourneyOpened", 1, JourneyOpened.class, ContractReader.as(JourneyOpened.class)),
            new ContractType("learning", "BarrierObserved", 1, BarrierObserved.class, new BarrierObservedV1Reader()),
            new ContractType("learning", "BarrierObserved", 2, BarrierObserved.class, ContractReader.as(BarrierObserved.class)),
            new ContractType("learning", "JourneyClosed", 1, JourneyClosed.class, ContractReader.as(JourneyClosed.class)),
            new ContractType("learning", "ContactRecorded", 1, ContactRecorded.class, ContractReader.as(ContactRecorded.class)),
            new ContractType("learning", "SoftMeasureScored", 1, SoftMeasureScored.class, ContractReader.as(SoftMeasureScored.class)),
            new ContractType("learning", "ExperimentConcluded", 1, ExperimentConcluded.class, ContractReader.as(ExperimentConcluded.class)),
            new ContractType("learning", "ConsentWithdrawn", 1, ConsentWithdrawn.class, ContractReader.as(ConsentWithdrawn.class)),
            new ContractType("learning", "PersonErased", 1, PersonErased.class, ContractReader.as(PersonErased.class)),
            new ContractType("learning", "IssuePublished", 1, IssuePublished.class, ContractReader.as(IssuePublished.class)),
            new ContractType("learning", "LearningCyclePublished", 1, LearningCyclePublished.class, ContractReader.as(LearningCyclePublished.class)),
            new ContractType("learning", "Lm3Reported", 1, Lm3Reported.class, ContractReader.as(Lm3Reported.class)),
            new ContractType("evidence", "EvidenceSignal", 1, EvidenceSignal.class, new EvidenceSignalV1Reader()),
            new ContractType("evidence", "EvidenceSignal", 2, EvidenceSignal.class, ContractReader.as(EvidenceSignal.class)),
            new ContractType("evidence", "IssueSignal", 1, IssueSignal.class, new IssueSignalV1Reader()),
            new ContractType("evidence", "IssueSignal", 2, IssueSignal.class, ContractReader.as(IssueSignal.class)),
            new ContractType("escalation", "EscalationRaised", 1, EscalationRaised.class, new EscalationRaisedV1Reader()),
            new ContractType("escalation", "EscalationRaised", 2, EscalationRaised.class, ContractReader.as(EscalationRaised.class)),
            new ContractType("referral", "ReferralMade", 1, ReferralMade.class, ContractReader.as(ReferralMade.class)),
            new ContractType("referral", "ReferralAccepted", 1, ReferralAccepted.class, ContractReader.as(ReferralAccepted.class)),
            new ContractType("referral", "ReferralDeclined", 1, ReferralDeclined.class, ContractReader.as(ReferralDeclined.class)),
            new ContractType("escalation", "EscalationAcknowledged", 1, EscalationAcknowledged.class, ContractReader.as(EscalationAcknowledged.class)),
            new ContractType("escalation", "EscalationResponded", 1, EscalationResponded.class, ContractReader.as(EscalationResponded.class)),
            new ContractType("escalation", "ChangeReported", 1, ChangeReported.class, ContractReader.as(ChangeReported.class)),
            new ContractType("escalation", "EscalationOverdue", 1, EscalationOverdue.class, ContractReader.as(EscalationOverdue.class)),
            new ContractType("escalation", "EvidenceAdded", 1, EvidenceAdded.class, ContractReader.as(EvidenceAdded.class)),
            new ContractType("escalation", "EvidenceAdded", 2, EvidenceAdded.class, ContractReader.as(EvidenceAdded.class)),
            new ContractType("escalation", "EscalationClosed", 1, EscalationClosed.class, ContractReader.as(EscalationClosed.class))));

    private Contracts() {
    }

    /** The consortium's registry. */
    public static ContractRegistry registry() {
        return STANDARD;
    }

    /** Every registered contract version. */
    public static List<ContractType> all() {
        return STANDARD.all();
    }

    /** The contract version with this ce_type, if the consortium knows it. */
    public static Optional<ContractType> forCeType(String ceType) {
        return STANDARD.forCeType(ceType);
    }

    /** The ce_type of every version read into this record, oldest first (e.g. to recognise one stored before an upgrade). */
    public static List<String> ceTypes(Class<? extends ContractEvent> recordType) {
        return STANDARD.all().stream().filter(type -> type.recordType() == recordType)
                .sorted(java.util.Comparator.comparingInt(ContractType::version)).map(ContractType::ceType).toList();
    }

    /** The version a record is written as (the newest registered for its class). */
    public static ContractType current(Class<? extends ContractEvent> recordType) {
        return STANDARD.current(recordType);
    }
}
