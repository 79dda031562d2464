package com.partnerworkspace.processes;

import org.camunda.bpm.engine.test.Deployment;

/**
 * Every path of model-deployment ({@link FourEyesReviewProcessTest}). That the author cannot review their
 * own change, and what deploying does in the engine, is shown against the real engine: {@code
 * ModelDraftsApiTest}.
 */
@Deployment(resources = "processes/model-deployment.bpmn")
class ModelDeploymentProcessTest extends FourEyesReviewProcessTest {

    ModelDeploymentProcessTest() {
        super(new Review(
                "model-deployment",
                "draftId",
                "draft-1",
                "Task_ReviewModelChange",
                "Task_DeployModel",
                "deployModelChange",
                "Event_ModelDeployed",
                "rejectModelChange",
                "Event_ModelChangeRejected"));
    }
}
