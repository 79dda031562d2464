// The BPMN lint of the browser editor and of `npm run lint:processes`: bpmnlint's recommended rules plus
// this project's Camunda 7 rules, which bpmnlint-plugin-camunda-compat lacks. The server checks the same
// Camunda 7 rules before a deploy (engine: models.internal.ModelRules), with the same rule names.
import recommended from 'bpmnlint/config/recommended.js';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import global from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousLabel from 'bpmnlint/rules/superfluous-label.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';

const RECOMMENDED_RULES = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

/** What the engine knows (GET /api/models/references); empty lists switch the reference rule off. */
const known = { beans: [], decisions: [], forms: [], messages: [] };

/** Tells the reference rule what the engine knows; the editor calls it once the server answered. */
export function setKnownReferences(references) {
  known.beans = references.beans ?? [];
  known.decisions = references.decisions ?? [];
  known.forms = references.forms ?? [];
  known.messages = references.messages ?? [];
}

const isType = (node, type) => node && node.$instanceOf && node.$instanceOf(type);
const hasAny = (...values) =>
  values.some((value) => value !== undefined && value !== null && `${value}`.trim() !== '');
const BEAN = /^\$\{(\w+)\}$/;

function callsCode(node) {
  if (isType(node, 'bpmn:ServiceTask') || isType(node, 'bpmn:SendTask')) {
    return hasAny(node.delegateExpression, node.class, node.expression);
  }
  if (isType(node, 'bpmn:ThrowEvent')) {
    return (node.eventDefinitions ?? []).some(
      (definition) =>
        isType(definition, 'bpmn:MessageEventDefinition') &&
        hasAny(definition.delegateExpression, definition.class, definition.expression),
    );
  }
  return false;
}

function hasRetryCycle(node) {
  const values = node.extensionElements?.values ?? [];
  return values.some((value) => isType(value, 'camunda:FailedJobRetryTimeCycle'));
}

/** Camunda 7: a process keeps its history for a bounded time (camunda:historyTimeToLive). */
function historyTimeToLive() {
  return {
    check(node, reporter) {
      if (isType(node, 'bpmn:Process') && !hasAny(node.historyTimeToLive)) {
        reporter.report(node.id, 'Set how long the history is kept (History time to live)');
      }
    },
  };
}

/** Camunda 7: an asynchronous call of our code says how it is retried. */
function retryCycle() {
  return {
    check(node, reporter) {
      if (callsCode(node) && (node.asyncBefore || node.asyncAfter) && !hasRetryCycle(node)) {
        reporter.report(node.id, 'An asynchronous call needs a retry cycle (e.g. R3/PT30S)');
      }
    },
  };
}

/** Nothing left as a modeler's placeholder: an untyped task, a TODO in a name. */
function noPlaceholder() {
  return {
    check(node, reporter) {
      if (node.$type === 'bpmn:Task') {
        reporter.report(node.id, 'Say what kind of task this is (user, service, ...)');
      }
      if (isType(node, 'bpmn:FlowElement') && /todo/i.test(node.name ?? '')) {
        reporter.report(node.id, 'Finish the TODO in its name');
      }
    },
  };
}

/** Every bean, decision, form and message named is one the engine knows. */
function knownReferences() {
  const unknown = (list, name) => list.length > 0 && !list.includes(name);
  return {
    check(node, reporter) {
      const bean = BEAN.exec(`${node.delegateExpression ?? ''}`.trim());
      if (node.delegateExpression && !bean) {
        reporter.report(node.id, `The delegate expression should read \${beanName}`);
      } else if (bean && unknown(known.beans, bean[1])) {
        reporter.report(node.id, `The engine has no bean named ${bean[1]}`);
      }
      if (
        isType(node, 'bpmn:BusinessRuleTask') &&
        node.decisionRef &&
        !node.decisionRef.includes('${')
      ) {
        if (unknown(known.decisions, node.decisionRef)) {
          reporter.report(node.id, `No decision ${node.decisionRef} is deployed`);
        }
      }
      if (isType(node, 'bpmn:UserTask') && node.formRef && !node.formRef.includes('${')) {
        if (unknown(known.forms, node.formRef)) {
          reporter.report(node.id, `No form ${node.formRef} is deployed`);
        }
      }
      if (isType(node, 'bpmn:Message') && node.name && unknown(known.messages, node.name)) {
        reporter.report(node.id, `Nothing in the engine sends the message ${node.name}`);
      }
    },
  };
}

const WORKSPACE_RULES = {
  'history-time-to-live': historyTimeToLive,
  'retry-cycle': retryCycle,
  'no-placeholder': noPlaceholder,
  'known-references': knownReferences,
};

/** bpmnlint's recommended rules and ours, as a config and resolver for bpmnlint's Linter. */
export const workspaceLint = {
  config: {
    rules: {
      ...recommended.rules,
      'workspace/history-time-to-live': 'error',
      'workspace/retry-cycle': 'error',
      'workspace/no-placeholder': 'error',
      'workspace/known-references': 'error',
    },
  },
  resolver: {
    resolveRule(pkg, ruleName) {
      const rule =
        pkg === 'bpmnlint-plugin-workspace'
          ? WORKSPACE_RULES[ruleName]
          : RECOMMENDED_RULES[ruleName];
      if (!rule) {
        throw new Error(`unknown rule ${pkg}/${ruleName}`);
      }
      return rule;
    },
    resolveConfig(pkg, configName) {
      throw new Error(`unknown config ${pkg}/${configName}`);
    },
  },
};
