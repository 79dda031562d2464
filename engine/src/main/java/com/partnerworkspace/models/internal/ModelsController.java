package com.partnerworkspace.models.internal;

import com.partnerworkspace.system.InputLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The deployed models for operations staff: the list, each model's versions, a version's content. */
@RestController
class ModelsController {

    private final ModelCatalogue catalogue;

    ModelsController(ModelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(
            summary = "Every deployed process, decision and form with its latest version, instances, incidents (ops)")
    @GetMapping(path = "/api/models", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ModelCatalogue.Model> models(Authentication authentication) {
        OpsOnly.require(authentication);
        return catalogue.all();
    }

    @Operation(summary = "A model's versions, newest first: when, by whom and how each was deployed (ops)")
    @GetMapping(path = "/api/models/{key}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ModelCatalogue.Version> versions(
            Authentication authentication, @PathVariable @Size(max = InputLimits.ID) String key) {
        OpsOnly.require(authentication);
        return catalogue.versions(key);
    }

    @Operation(
            summary = "One version's content: the BPMN or DMN XML, or the form's JSON (ops)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The model as deployed",
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_XML_VALUE,
                                        schema = @Schema(type = "string")),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        schema = @Schema(type = "object"))
                            }))
    @GetMapping(
            path = "/api/models/{key}/versions/{version}",
            produces = {MediaType.APPLICATION_XML_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> version(
            Authentication authentication,
            @PathVariable @Size(max = InputLimits.ID) String key,
            @PathVariable @Min(1) @Max(100_000) int version) {
        OpsOnly.require(authentication);
        ModelCatalogue.Content content = catalogue.content(key, version);
        MediaType type = content.type() == ModelType.form ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML;
        return ResponseEntity.ok().contentType(type).body(content.text());
    }
}
