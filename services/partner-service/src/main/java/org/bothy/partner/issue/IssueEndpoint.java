package org.bothy.partner.issue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.partner.journey.JourneyView;
import org.bothy.partner.journey.JourneyViews;
import org.bothy.partner.web.Page;
import org.bothy.support.security.BothyPrincipal;
import org.bothy.support.security.BothyRole;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.ProblemTypes;
import org.bothy.support.ids.RandomIds;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTTP face of this organisation's issue log: raise, list, read, edit (with If-Match), link evidence, close and
 * reopen. Every answer that shows one issue carries its version as the ETag.
 */
@RestController
@RequestMapping("/issues")
public class IssueEndpoint {

    private final CommandGateway commands;
    private final IssueLog log;
    private final IssueHistory history;
    private final IssueRefusals refusals;
    private final JourneyViews journeys;
    private final Codes codes;

    public IssueEndpoint(CommandGateway commands, IssueLog log, IssueHistory history, IssueRefusals refusals,
                         JourneyViews journeys, Codes codes) {
        this.commands = commands;
        this.log = log;
        this.history = history;
        this.refusals = refusals;
        this.journeys = journeys;
        this.codes = codes;
    }

    @PostMapping
    public ResponseEntity<IssueView> raise(@Valid @RequestBody IssueRequest request) {
        String issueId = RandomIds.next();
        refusals.translate(issueId, null, () -> commands.sendAndWait(new RaiseIssue(issueId, request.content())));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{issueId}").buildAndExpand(issueId)
                .toUri();
        IssueView raised = current(issueId);
        return ResponseEntity.created(location).eTag(IssueVersionTag.of(raised.version())).body(raised);
    }

    @GetMapping
    public Page<IssueView> list(@RequestParam(required = false) @Min(1) @Max(3) Integer level,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String owner,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (status != null && !status.equals(IssueStatus.OPEN.code()) && !status.equals(IssueStatus.CLOSED.code())) {
            throw new InvalidField("status", "must be open or closed");
        }
        if (owner != null) {
            try {
                codes.owner(owner);
            } catch (UnknownCodeException e) {
                throw InvalidField.of("owner", e);
            }
        }
        return log.page(level, status, owner, page, size);
    }

    @GetMapping("/{issueId}")
    public ResponseEntity<IssueView> issue(@PathVariable String issueId) {
        return answer(current(issueId));
    }

    @PutMapping("/{issueId}")
    public ResponseEntity<IssueView> replace(@PathVariable String issueId,
                                             @RequestHeader(name = IssueVersionTag.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody IssueRequest request) {
        return edit(issueId, IssueVersionTag.required(ifMatch), request.asChange());
    }

    @PatchMapping("/{issueId}")
    public ResponseEntity<IssueView> patch(@PathVariable String issueId,
                                           @RequestHeader(name = IssueVersionTag.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody IssuePatch patch) {
        return edit(issueId, IssueVersionTag.required(ifMatch), patch.asChange());
    }

    @PostMapping("/{issueId}/evidence")
    public ResponseEntity<IssueView> linkEvidence(@PathVariable String issueId,
                                                  @RequestHeader(name = IssueVersionTag.HEADER, required = false) String ifMatch,
                                                  @Valid @RequestBody EvidenceRequest request) {
        Long expected = expectCurrent(issueId, IssueVersionTag.parse(ifMatch));
        JourneyView journey = journeys.find(request.journeyId())
                .orElseThrow(() -> new InvalidField("journeyId", "is not a journey of this organisation"));
        if (request.barrierId() != null && journey.barriers().stream()
                .noneMatch(barrier -> barrier.barrierId().equals(request.barrierId()))) {
            throw new InvalidField("barrierId", "is not a barrier recorded on that journey");
        }
        refusals.translate(issueId, expected, () -> commands.sendAndWait(
                new LinkEvidence(issueId, expected, request.journeyId(), request.barrierId())));
        return answer(current(issueId));
    }

    @PostMapping("/{issueId}/closure")
    public ResponseEntity<IssueView> close(@PathVariable String issueId,
                                           @RequestHeader(name = IssueVersionTag.HEADER, required = false) String ifMatch) {
        Long expected = expectCurrent(issueId, IssueVersionTag.parse(ifMatch));
        ActingAs by = BothyPrincipal.current().has(BothyRole.LEAD) ? ActingAs.LEAD : ActingAs.WORKER;
        refusals.translate(issueId, expected, () -> commands.sendAndWait(new CloseIssue(issueId, expected, by)));
        return answer(current(issueId));
    }

    @PostMapping("/{issueId}/reopening")
    public ResponseEntity<IssueView> reopen(@PathVariable String issueId,
                                            @RequestHeader(name = IssueVersionTag.HEADER, required = false) String ifMatch) {
        Long expected = expectCurrent(issueId, IssueVersionTag.parse(ifMatch));
        refusals.translate(issueId, expected, () -> commands.sendAndWait(new ReopenIssue(issueId, expected)));
        return answer(current(issueId));
    }

    /** 409 with the version the issue is at now, the issue as it stands, and what changed since the caller's. */
    @ExceptionHandler(StaleIssue.class)
    public ResponseEntity<ProblemDetail> stale(StaleIssue stale) {
        IssueView now = current(stale.issueId());
        List<IssueChangeSince> changes = history.since(stale.issueId(), stale.expectedVersion());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, stale.getMessage()
                + "; read it again, and apply your change to what it says now");
        problem.setType(URI.create(ProblemTypes.CONFLICT));
        problem.setTitle("Conflict");
        problem.setProperty("yourVersion", stale.expectedVersion());
        problem.setProperty("currentVersion", now.version());
        problem.setProperty("changes", changes);
        problem.setProperty("current", now);
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(IssueVersionTag.of(now.version())).body(problem);
    }

    private ResponseEntity<IssueView> edit(String issueId, long expected, IssueChange change) {
        expectCurrent(issueId, expected);
        refusals.translate(issueId, expected, () -> commands.sendAndWait(new EditIssue(issueId, expected, change)));
        return answer(current(issueId));
    }

    /**
     * Refuses at once a version the issue is not at (older, or one it never had); the command carries it too, so a
     * change that slips in between is refused by the issue itself.
     */
    private Long expectCurrent(String issueId, Long expected) {
        if (expected != null && current(issueId).version() != expected) {
            throw new StaleIssue(issueId, expected);
        }
        return expected;
    }

    private IssueView current(String issueId) {
        return log.find(issueId).orElseThrow(() -> refusals.noSuchIssue(issueId));
    }

    private static ResponseEntity<IssueView> answer(IssueView view) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, IssueVersionTag.of(view.version())).body(view);
    }
}
