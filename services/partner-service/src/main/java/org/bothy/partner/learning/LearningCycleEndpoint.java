package org.bothy.partner.learning;

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
 * The HTTP face of learning cycles: start one at a scale, revise its plan and managing, record what it has learnt
 * (and whether for other scales), add governing reviews, read and list them.
 */
@RestController
@RequestMapping("/learning-cycles")
public class LearningCycleEndpoint {

    private final CommandGateway commands;
    private final LearningCycleViews views;
    private final LearningCycleRefusals refusals;

    public LearningCycleEndpoint(CommandGateway commands, LearningCycleViews views, LearningCycleRefusals refusals) {
        this.commands = commands;
        this.views = views;
        this.refusals = refusals;
    }

    @PostMapping
    public ResponseEntity<LearningCycleView> start(@Valid @RequestBody StartLearningCycleRequest request) {
        String cycleId = RandomIds.next();
        CycleManaging managing = request.managing() == null ? CycleManaging.none() : request.managing().managing();
        refusals.translate(cycleId, null, () -> commands.sendAndWait(
                new StartLearningCycle(cycleId, request.scale(), request.plan().plan(), managing)));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{cycleId}").buildAndExpand(cycleId)
                .toUri();
        return ResponseEntity.created(location).body(cycle(cycleId));
    }

    @GetMapping
    public Page<LearningCycleView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.page(page, size);
    }

    @GetMapping("/{cycleId}")
    public LearningCycleView cycle(@PathVariable String cycleId) {
        return views.find(cycleId).orElseThrow(() -> refusals.noSuchCycle(cycleId));
    }

    @PutMapping("/{cycleId}/plan")
    public LearningCycleView revisePlan(@PathVariable String cycleId, @Valid @RequestBody PlanRequest request) {
        refusals.translate(cycleId, "plan", () -> commands.sendAndWait(new RevisePlan(cycleId, request.plan())));
        return cycle(cycleId);
    }

    @PutMapping("/{cycleId}/managing")
    public LearningCycleView reviseManaging(@PathVariable String cycleId,
                                            @Valid @RequestBody ManagingRequest request) {
        refusals.translate(cycleId, "managing", () -> commands.sendAndWait(
                new ReviseManaging(cycleId, request.managing())));
        return cycle(cycleId);
    }

    @PutMapping("/{cycleId}/learning")
    public LearningCycleView recordLearning(@PathVariable String cycleId,
                                            @Valid @RequestBody LearningRequest request) {
        refusals.translate(cycleId, null, () -> commands.sendAndWait(
                new RecordLearning(cycleId, request.learning())));
        return cycle(cycleId);
    }

    @PostMapping("/{cycleId}/reviews")
    public ResponseEntity<LearningCycleView> review(@PathVariable String cycleId,
                                                    @Valid @RequestBody ReviewRequest request) {
        String reviewId = RandomIds.next();
        refusals.translate(cycleId, null, () -> commands.sendAndWait(new ReviewGovernance(cycleId, reviewId,
                request.reviewedOn(), request.lessonsLearnt(), request.practiceChanging(),
                request.whoIsIncluded())));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/learning-cycles/{cycleId}")
                .buildAndExpand(cycleId).toUri();
        return ResponseEntity.created(location).body(cycle(cycleId));
    }
}
