package org.bothy.partner.referral;

import io.micrometer.core.instrument.MeterRegistry;
import org.bothy.support.kafka.DeadLetterSender;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sets aside a referral record this organisation cannot apply (not a valid contract, or refused by the referral it
 * names) on the dead-letter topic, as the place does with what it cannot read, through the service's own template.
 */
@Component
public class ReferralDeadLetters extends DeadLetterSender {

    @SuppressWarnings("unchecked")
    public ReferralDeadLetters(KafkaTemplate<?, ?> kafka, MeterRegistry meters) {
        // Boot's template is declared KafkaTemplate<?, ?>; Bothy's defaults make its serializers String and byte[]
        super((KafkaTemplate<String, byte[]>) kafka, meters);
    }
}
