package org.bothy.support.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import org.bothy.kernel.codes.UnknownCodeException;
import org.bothy.support.security.BothyPrincipal;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Endpoints that exercise security and problem details the way partner-service will. */
@RestController
public class PeopleController {

    /** What was stored, so a test can see that a refused request stored nothing. */
    public static final Set<String> STORED = ConcurrentHashMap.newKeySet();

    public record Person(@NotBlank String fullName, @NotNull @Past LocalDate dateOfBirth) {
    }

    public record OpenJourney(@NotNull @Valid Person person, @NotBlank String door, String theme) {
    }

    @PostMapping("/journeys")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('WORKER', 'LEAD')")
    public Map<String, String> open(@Valid @RequestBody OpenJourney request) {
        if (request.theme() != null && !List.of("debt", "housing").contains(request.theme())) {
            throw InvalidField.of("theme", new UnknownCodeException("theme", request.theme(), List.of("debt", "housing")));
        }
        STORED.add(request.door());
        return Map.of("door", request.door());
    }

    @GetMapping("/whoami")
    public BothyPrincipal whoami() {
        return BothyPrincipal.current();
    }

    @GetMapping("/journeys/{id}")
    public Map<String, String> journey(@PathVariable String id) {
        throw new NotFound("no journey " + id);
    }

    @PostMapping("/journeys/{id}/close")
    public void close(@PathVariable String id) {
        throw new Conflict("journey " + id + " is already closed");
    }

    @GetMapping("/codes/{theme}")
    public void code(@PathVariable String theme) {
        throw new UnknownCodeException("theme", theme, List.of("debt", "housing"));
    }

    @GetMapping("/organisation/notes")
    public Map<String, String> notes() {
        return Map.of("notes", "none");
    }

    @GetMapping("/admin/settings")
    public Map<String, String> settings() {
        return Map.of("ok", "yes");
    }
}
