package com.partnerworkspace.models.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One reason a model cannot be deployed, on the element it concerns, so the editor can mark it there.
 *
 * @param element the BPMN/DMN element id or form component id; null for the model as a whole
 * @param rule which rule failed, e.g. {@code known-bean}, {@code decision-test}, {@code engine-parse}
 * @param message what is wrong, in words an ops person acts on
 */
record ModelProblem(@Schema(nullable = true) String element, String rule, String message) {

    static ModelProblem of(String element, String rule, String message) {
        return new ModelProblem(element, rule, message);
    }

    static ModelProblem whole(String rule, String message) {
        return new ModelProblem(null, rule, message);
    }
}
