package org.bothy.partner.spend;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bothy.partner.web.Page;
import org.bothy.support.ids.RandomIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTTP face of local spend: start a funded project (its predicted LM3 is worked out at once), record spend
 * lines, record the re-spend survey, finish it (its actual LM3), read it back.
 */
@RestController
@RequestMapping("/projects")
public class ProjectEndpoint {

    private final CommandGateway commands;
    private final ProjectViews views;
    private final ProjectRefusals refusals;

    public ProjectEndpoint(CommandGateway commands, ProjectViews views, ProjectRefusals refusals) {
        this.commands = commands;
        this.views = views;
        this.refusals = refusals;
    }

    @PostMapping
    public ResponseEntity<ProjectView> start(@Valid @RequestBody StartProjectRequest request) {
        String projectId = RandomIds.next();
        refusals.translate(projectId, () -> commands.sendAndWait(new StartProject(projectId, request.name(),
                request.incomePence(), request.plannedLocalSpendPence(), request.plannedRespend().respend())));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{projectId}")
                .buildAndExpand(projectId).toUri();
        return ResponseEntity.created(location).body(project(projectId));
    }

    @GetMapping
    public Page<ProjectView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.page(page, size);
    }

    @GetMapping("/{projectId}")
    public ProjectView project(@PathVariable String projectId) {
        return views.find(projectId).orElseThrow(() -> refusals.noSuchProject(projectId));
    }

    @PostMapping("/{projectId}/spend")
    public ResponseEntity<RecordedSpendLine> recordSpend(@PathVariable String projectId,
                                                         @Valid @RequestBody SpendLineRequest request) {
        String lineId = RandomIds.next();
        refusals.translate(projectId, () -> commands.sendAndWait(new RecordSpend(projectId, lineId,
                request.supplier(), request.amountPence(), request.local())));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/projects/{projectId}")
                .buildAndExpand(projectId).toUri();
        return ResponseEntity.created(location).body(new RecordedSpendLine(lineId));
    }

    @PutMapping("/{projectId}/respend")
    public ProjectView recordRespend(@PathVariable String projectId, @Valid @RequestBody RespendRequest request) {
        refusals.translate(projectId, () -> commands.sendAndWait(
                new RecordRespendSurvey(projectId, request.respend())));
        return project(projectId);
    }

    @PostMapping("/{projectId}/completion")
    public ProjectView finish(@PathVariable String projectId) {
        refusals.translate(projectId, () -> commands.sendAndWait(new FinishProject(projectId)));
        return project(projectId);
    }
}
