package org.bothy.escalation.response;

import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a command to an escalation and answers as HTTP would: the aggregate's refusal of a field (its message
 * begins with the field's name) is a 400, a refusal in its current state a 409, an unknown escalation a 404.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Attempts when another command on the same escalation (a delivery attempt, say) commits first. */
    private static final int ATTEMPTS = 5;

    /** Sends and waits; the command's effects are stored when this returns. */
    public void send(Object command, Supplier<String> what) {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    gateway.sendAndWait(command);
                    return;
                } catch (ConcurrencyException e) {
                    // decided again on the escalation as it now stands; inside a caller's transaction the
                    // database has aborted it, so the caller must start again
                    if (attempt == ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                        throw new Conflict("escalation is busy; try again");
                    }
                }
            }
        } catch (AggregateNotFoundException e) {
            throw new NotFound("no " + what.get());
        } catch (IllegalStateException e) {
            throw new Conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "is not valid" : e.getMessage();
            int space = message.indexOf(' ');
            throw new InvalidField(space > 0 ? message.substring(0, space) : "request", message);
        }
    }
}
