import { BpmnModdle } from 'bpmn-moddle';
import Linter from 'bpmnlint/lib/linter.js';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { setKnownReferences, workspaceLint } from './bpmnlint-workspace.mjs';

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="Start" name="Asked"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Task_Notify" name="Notify" camunda:asyncBefore="true"
        camunda:delegateExpression="\${notifyNobody}">
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:task id="Task_Sketch" name="TODO decide">
      <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing>
    </bpmn:task>
    <bpmn:endEvent id="End" name="Done"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Notify" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Notify" targetRef="Task_Sketch" />
    <bpmn:sequenceFlow id="F3" sourceRef="Task_Sketch" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

interface Report {
  readonly id?: string;
  readonly message: string;
  readonly category: string;
}

async function errors(beans: string[]): Promise<string[]> {
  setKnownReferences({ beans, decisions: [], forms: [], messages: [] });
  const { rootElement } = await new BpmnModdle({ camunda }).fromXML(PROCESS);
  const reports = (await new Linter(workspaceLint).lint(rootElement)) as Record<string, Report[]>;
  return Object.entries(reports).flatMap(([rule, found]) =>
    found.filter((r) => r.category === 'error').map((r) => `${rule} ${r.id}`),
  );
}

describe('the editor lint (bpmnlint recommended rules plus ours)', () => {
  afterEach(() => setKnownReferences({ beans: [], decisions: [], forms: [], messages: [] }));

  it('reports our Camunda 7 rules on the elements they concern', async () => {
    const found = await errors(['notifyApprovers']);
    expect(found).toEqual(
      expect.arrayContaining([
        'workspace/known-references Task_Notify',
        'workspace/history-time-to-live p',
        'workspace/retry-cycle Task_Notify',
        'workspace/no-placeholder Task_Sketch',
      ]),
    );
  });

  it('takes a bean the engine knows', async () => {
    expect(await errors(['notifyNobody'])).not.toContain('workspace/known-references Task_Notify');
  });
});
