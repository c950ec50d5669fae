package org.bothy.partner.journey;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.partner.audit.JourneyRequestAudit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sends a change of a journey and answers it the same way for every slice: refusals in HTTP terms, and the
 * journey's new version (the command's answer) as the ETag to send back as {@code If-Match} next time.
 */
@Component
public class JourneyChanges {

    private final CommandGateway commands;
    private final JourneyRefusals refusals;
    private final JourneyViews views;
    private final JourneyRequestAudit audit;
    private final TransactionTemplate transaction;

    public JourneyChanges(CommandGateway commands, JourneyRefusals refusals, JourneyViews views,
                          JourneyRequestAudit audit, PlatformTransactionManager transactions) {
        this.commands = commands;
        this.refusals = refusals;
        this.views = views;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Sends {@code command}; 204 with the new ETag. */
    public ResponseEntity<Void> change(String journeyId, Object command) {
        return change(journeyId, command, Map.of());
    }

    /** Sends {@code command}, reporting unknown codes against request fields; 204 with the new ETag. */
    public ResponseEntity<Void> change(String journeyId, Object command, Map<String, String> fieldsByKind) {
        Object answer = send(journeyId, command, fieldsByKind);
        return ResponseEntity.noContent().headers(etag(journeyId, answer)).build();
    }

    /** Sends {@code command} that records something new; 201 with {@code body}, the journey's location and ETag. */
    public <T> ResponseEntity<T> record(String journeyId, Object command, T body) {
        return record(journeyId, command, body, Map.of());
    }

    /** As {@link #record(String, Object, Object)}, reporting unknown codes against request fields. */
    public <T> ResponseEntity<T> record(String journeyId, Object command, T body, Map<String, String> fieldsByKind) {
        Object answer = send(journeyId, command, fieldsByKind);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/journeys/{journeyId}")
                .buildAndExpand(journeyId).toUri();
        return ResponseEntity.created(location).headers(etag(journeyId, answer)).body(body);
    }

    private Object send(String journeyId, Object command, Map<String, String> fieldsByKind) {
        // the change and the audit entry that says who made it commit together, or neither does
        return transaction.execute(status -> {
            Object answer = refusals.answer(() -> commands.sendAndWait(command), fieldsByKind);
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
                audit.write(current.getRequest(), journeyId);
            }
            return answer;
        });
    }

    private HttpHeaders etag(String journeyId, Object answer) {
        HttpHeaders headers = new HttpHeaders();
        // a journey answers each change with its version after it; any other command is asked for it afterwards
        Optional<Long> version = answer instanceof Long after ? Optional.of(after) : views.version(journeyId);
        version.ifPresent(each -> headers.setETag(IfMatch.etag(each)));
        return headers;
    }
}
