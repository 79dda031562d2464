package com.partnerworkspace.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
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

    private static final Path MODELS = Path.of(System.getProperty("processes.dir", "."));

    record Coverage(String process, Set<String> elements, Set<String> missed) {

        int covered() {
            return elements.size() - missed.size();
        }

        double share() {
            return elements.isEmpty() ? 1 : (double) covered() / elements.size();
        }
    }

    @Test
    void everyFlowNodeAndSequenceFlowIsRunByAProcessTest() throws IOException {
        assertThat(FlowCoverage.anyPassed())
                .as("no process test ran before the coverage gate (run the whole module: mvn -pl processes test)")
                .isTrue();
        List<Coverage> coverages = new ArrayList<>();
        for (Path model : models()) {
            BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
            for (Process process : bpmn.getModelElementsByType(Process.class)) {
                coverages.add(coverageOf(bpmn, process));
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

    private static Coverage coverageOf(BpmnModelInstance bpmn, Process process) {
        Set<String> elements = new TreeSet<>();
        for (FlowElement element : bpmn.getModelElementsByType(FlowElement.class)) {
            if ((element instanceof FlowNode || element instanceof SequenceFlow) && processOf(element) == process) {
                elements.add(element.getId());
            }
        }
        Set<String> passed = FlowCoverage.passed(process.getId());
        Set<String> missed = new TreeSet<>(elements);
        missed.removeIf(id -> passed.contains(id) || isTakenByItsEvent(bpmn.getModelElementById(id), passed));
        return new Coverage(process.getId(), elements, missed);
    }

    /**
     * Camunda 7 takes no sequence flow out of an event-based gateway: the event that fires is entered
     * directly. Such a flow counts as run when its event was.
     */
    private static boolean isTakenByItsEvent(ModelElementInstance element, Set<String> passed) {
        return element instanceof SequenceFlow flow
                && flow.getSource() instanceof EventBasedGateway
                && passed.contains(flow.getTarget().getId());
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }

    private static void print(List<Coverage> coverages, int covered, int all, double total) {
        StringBuilder out = new StringBuilder("\nProcess-test coverage (flow nodes and sequence flows):\n");
        for (Coverage c : coverages) {
            out.append(String.format(
                    "  %-30s %3d/%3d  %5.1f%%%s%n",
                    c.process(),
                    c.covered(),
                    c.elements().size(),
                    100 * c.share(),
                    c.missed().isEmpty() ? "" : "  missed: " + String.join(", ", c.missed())));
        }
        out.append(String.format(
                "  %-30s %3d/%3d  %5.1f%%  (threshold %.0f%%)%n", "all", covered, all, 100 * total, 100 * THRESHOLD));
        System.out.print(out);
    }
}
