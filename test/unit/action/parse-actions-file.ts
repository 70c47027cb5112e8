// Runs GitHub's Actions parser on a workflow or action.yml and prints what it found as JSON:
// `{ errors, template }`. It runs in a child process under tsx because the parser imports its
// JSON schemas without import attributes, which Node refuses when vitest loads it natively.
// Usage: node --import tsx parse-actions-file.ts workflow|action FILE
import { readFileSync } from 'node:fs';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';

const [kind, path] = process.argv.slice(2);
const file = { name: path, content: readFileSync(path, 'utf8') };
const trace = new NoOperationTraceWriter();

if (kind === 'workflow') {
  const result = parseWorkflow(file, trace);
  const template = await convertWorkflowTemplate(result.context, result.value!);
  // Conversion adds its own findings to the same list.
  print(result.context.errors.getErrors(), { events: template.events });
} else {
  const result = parseAction(file, trace);
  const template = convertActionTemplate(result.context, result.value!);
  print(result.context.errors.getErrors(), {
    ...template,
    inputs: template.inputs?.map((input) => ({ ...input, default: input.default?.toString() })),
  });
}

function print(errors: { message: string }[], template: unknown) {
  process.stdout.write(JSON.stringify({ errors: errors.map((error) => error.message), template }));
}
