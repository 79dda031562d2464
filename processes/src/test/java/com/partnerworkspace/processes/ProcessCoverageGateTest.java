package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.processes.coverage.FlowCoverage;
import com.partnerworkspace.processes.coverage.FlowCoverage.Coverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The process tests' coverage gate: after every other process test of this module (it runs last, see
 * {@code junit-platform.properties}), each BPMN model's flow nodes and sequence flows are compared with
 * those the tests ran through ({@link FlowCoverage}). Prints the coverage per process, naming what no
 * test ran through, and fails below {@link #THRESHOLD}. Run alone it has nothing to measure and says so.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageGateTest {

    /**
     * Covered share of all flow nodes and sequence flows of every model: all of them, as measured when the
     * gate came (207 of 207 elements in 9 processes). A model element no test runs through fails the build.
     */
    static final double THRESHOLD = 1.0;

    /**
     * Processes whose process test lives beside the real steps it runs, in the engine module, with the same
     * recorder and a gate of its own: their tests cannot run here.
     */
    static final Map<String, String> GATED_ELSEWHERE =
            Map.of("alert-escalation", "engine: alerts.internal.AlertEscalationProcessTest (real EscalationSteps)");

    private static final Path MODELS = Path.of(System.getProperty("processes.dir", "."));

    @Test
    void everyFlowNodeAndSequenceFlowIsRunByAProcessTest() throws IOException {
        assertThat(FlowCoverage.anyPassed())
                .as("no process test ran before the coverage gate (run the whole module: mvn -pl processes test)")
                .isTrue();
        List<Coverage> coverages = new ArrayList<>();
        for (Path model : models()) {
            BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
            for (Process process : bpmn.getModelElementsByType(Process.class)) {
                if (!GATED_ELSEWHERE.containsKey(process.getId())) {
                    coverages.add(FlowCoverage.coverageOf(bpmn, process));
                }
            }
        }
        int all = coverages.stream().mapToInt(c -> c.elements().size()).sum();
        int covered = coverages.stream().mapToInt(Coverage::covered).sum();
        double total = (double) covered / all;
        print(coverages, covered, all, total);

        assertThat(total)
                .as("process-test coverage of flow nodes and sequence flows (missed: see above)")
                .isGreaterThanOrEqualTo(THRESHOLD);
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(MODELS)) {
            List<Path> models =
                    files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(models).as("BPMN models in %s", MODELS.toAbsolutePath()).isNotEmpty();
            return models;
        }
    }

    private static void print(List<Coverage> coverages, int covered, int all, double total) {
        StringBuilder out = new StringBuilder("\nProcess-test coverage (flow nodes and sequence flows):\n");
        coverages.forEach(c -> out.append(c.line()).append('\n'));
        GATED_ELSEWHERE.forEach((process, where) -> out.append(String.format("  %-30s gated by %s%n", process, where)));
        out.append(String.format(
                "  %-30s %3d/%3d  %5.1f%%  (threshold %.0f%%)%n", "all", covered, all, 100 * total, 100 * THRESHOLD));
        System.out.print(out);
    }
}
