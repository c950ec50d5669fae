package org.bothy.partner.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.partner.journey.JourneyChange;
import org.bothy.partner.journey.RecordBarrier;
import org.bothy.partner.journey.WorkerOnRecord;
import org.bothy.partner.journey.contact.RecordContact;
import org.bothy.support.ids.RandomIds;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records contacts and barriers through the running service's own command gateway, without HTTP: the same commands,
 * journey aggregate and events as {@code POST /journeys/{id}/contacts} and {@code /barriers}, each sent inside a
 * transaction the unit of work joins, as the endpoints send them, so that a harness can append events at a rate two
 * cores cannot answer over HTTP. A method returns once the command's transaction has committed: the moment a 201
 * would be sent.
 */
final class InProcessCommands {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CommandGateway commands;
    private final TransactionTemplate transaction;

    InProcessCommands(ApplicationContext service) {
        this.commands = service.getBean(CommandGateway.class);
        this.transaction = new TransactionTemplate(service.getBean(PlatformTransactionManager.class));
    }

    /** Records a 15-minute call on {@code journeyId}; false if the service refused it. */
    boolean recordContact(String journeyId) {
        return send(new RecordContact(journeyId, RandomIds.next(), "call", LocalDate.now(LONDON), 15, 0, null, null));
    }

    /** Records a level-2 barrier under {@code barrierId} on {@code journeyId}; false if the service refused it. */
    boolean recordBarrier(String journeyId, String barrierId, String theme, String systemActor) {
        return send(new RecordBarrier(journeyId, barrierId, theme, systemActor, 2, "Waited six weeks for a call back."));
    }

    private boolean send(JourneyChange change) {
        try {
            transaction.executeWithoutResult(status -> commands.sendAndWait(GenericCommandMessage
                    .asCommandMessage(change).andMetaData(Map.of(WorkerOnRecord.METADATA_KEY, "bench-worker"))));
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }
}
