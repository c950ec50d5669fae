package org.bothy.partner.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.partner.journey.WorkerOnRecord;
import org.bothy.partner.journey.contact.RecordContact;
import org.bothy.support.ids.RandomIds;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records contacts through the running service's own command gateway, without HTTP: the same command, journey
 * aggregate and event as {@code POST /journeys/{id}/contacts}, sent inside a transaction the unit of work joins, as
 * the endpoint sends it, so that the harness can append events at a rate two cores cannot answer over HTTP.
 */
final class InProcessContacts {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CommandGateway commands;
    private final TransactionTemplate transaction;

    InProcessContacts(ApplicationContext service) {
        this.commands = service.getBean(CommandGateway.class);
        this.transaction = new TransactionTemplate(service.getBean(PlatformTransactionManager.class));
    }

    /** Records a 15-minute call on {@code journeyId}; false if the service refused it. */
    boolean recordContact(String journeyId) {
        RecordContact contact = new RecordContact(journeyId, RandomIds.next(), "call", LocalDate.now(LONDON), 15, 0,
                null, null);
        try {
            transaction.executeWithoutResult(status -> commands.sendAndWait(GenericCommandMessage
                    .asCommandMessage(contact).andMetaData(Map.of(WorkerOnRecord.METADATA_KEY, "bench-worker"))));
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }
}
