// Lints every BPMN model in ../processes with the editor's rules (src/app/models/lint): the same lint the
// browser shows as ops type, run by the UI's test command. References are the engine's to check
// (ProcessModelRulesTest, ModelDraftsApiTest): without the engine's lists that rule stays silent here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import Linter from 'bpmnlint/lib/linter.js';
import { workspaceLint } from '../src/app/models/lint/bpmnlint-workspace.mjs';

const folder = process.argv[2] ?? new URL('../../processes/', import.meta.url).pathname;
const moddle = new BpmnModdle({ camunda });
let errors = 0;
let warnings = 0;
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.bpmn'))
  .sort();
for (const file of files) {
  const { rootElement } = await moddle.fromXML(readFileSync(join(folder, file), 'utf8'));
  // a Linter per model: its rules keep state across the elements of one lint
  const reports = await new Linter(workspaceLint).lint(rootElement);
  for (const [rule, found] of Object.entries(reports)) {
    for (const report of found) {
      const line = `${file}: ${report.id ?? ''} ${rule}: ${report.message}`;
      if (report.category === 'error') {
        errors++;
        console.error(`error   ${line}`);
      } else {
        warnings++;
        console.warn(`warning ${line}`);
      }
    }
  }
}
console.log(`lint:processes: ${files.length} models, ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 ? 1 : 0);
