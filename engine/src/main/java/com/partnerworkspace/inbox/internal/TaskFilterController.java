package com.partnerworkspace.inbox.internal;

import com.partnerworkspace.inbox.internal.SavedFilterService.FilterCount;
import com.partnerworkspace.inbox.internal.TaskFilters.SavedFilter;
import com.partnerworkspace.security.CurrentUser;
import com.partnerworkspace.system.AlsoAnswers;
import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskFilterController {

    private static final String FILTERS = "/api/task-filters";

    private final SavedFilterService filters;

    TaskFilterController(SavedFilterService filters) {
        this.filters = filters;
    }

    @Operation(summary = "My saved inbox filters and those shared with one of my groups")
    @GetMapping(path = FILTERS, produces = MediaType.APPLICATION_JSON_VALUE)
    List<SavedFilter> list(Authentication authentication) {
        return filters.list(CurrentUser.of(authentication));
    }

    @Operation(summary = "How many open tasks I see match each of my visible filters")
    @GetMapping(path = FILTERS + "/counts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<FilterCount> counts(Authentication authentication) {
        return filters.counts(CurrentUser.of(authentication));
    }

    @Operation(summary = "One saved filter")
    @GetMapping(path = FILTERS + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    SavedFilter get(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        return filters.get(CurrentUser.of(authentication), id);
    }

    @Operation(summary = "Save a filter, optionally shared with one of my groups")
    @PostMapping(
            path = FILTERS,
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SavedFilter> create(Authentication authentication, @Valid @RequestBody TaskFilterRequest request) {
        SavedFilter created = filters.create(CurrentUser.of(authentication), request);
        return ResponseEntity.created(URI.create(FILTERS + "/" + created.id())).body(created);
    }

    @Operation(summary = "Change my saved filter")
    @AlsoAnswers(status = 403, description = "The filter is shared with me but someone else owns it")
    @PutMapping(
            path = FILTERS + "/{id}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SavedFilter update(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String id,
            @Valid @RequestBody TaskFilterRequest request) {
        return filters.update(CurrentUser.of(authentication), id, request);
    }

    @Operation(summary = "Delete my saved filter")
    @AlsoAnswers(status = 403, description = "The filter is shared with me but someone else owns it")
    @DeleteMapping(path = FILTERS + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String id) {
        filters.delete(CurrentUser.of(authentication), id);
    }
}
