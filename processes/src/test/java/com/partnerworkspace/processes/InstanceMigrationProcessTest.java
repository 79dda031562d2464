package com.partnerworkspace.processes;

import org.camunda.bpm.engine.test.Deployment;

/**
 * Every path of instance-migration ({@link FourEyesReviewProcessTest}). That the author cannot review their
 * own migration, and what running it does in the engine, is shown against the real engine: {@code
 * MigrationsApiTest}.
 */
@Deployment(resources = "processes/instance-migration.bpmn")
class InstanceMigrationProcessTest extends FourEyesReviewProcessTest {

    InstanceMigrationProcessTest() {
        super(new Review(
                "instance-migration",
                "migrationId",
                "migration-1",
                "Task_ReviewMigration",
                "Task_RunMigration",
                "runMigration",
                "Event_MigrationStarted",
                "rejectMigration",
                "Event_MigrationRejected"));
    }
}
