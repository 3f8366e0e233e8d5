import { strict as assert } from 'assert';
import type { Rule } from '../../rules/kit/rule';
import { defaultConfig, type PhiMode } from '../../server/src/engine/config';
import { lint } from '../../server/src/engine/lint';
import { RuleIndex } from '../../server/src/engine/registry';
import type { Finding } from '../../server/src/engine/types';
import { LineIndex } from '../../server/src/parse/positions';
import { yamlToJson } from './yaml-to-json';
import { cloudFormationNamesIn } from './terraform-wording';

export interface ExpectedFinding {
  messageId: string;
  /** Logical id or Terraform address the finding is reported on. */
  resource: string;
  /** Dotted absolute document path, e.g. `Resources.Bucket.Properties.BucketEncryption`. */
  path: string;
  /** One-based line (checked for the source form only, not for the generated JSON twin). */
  line: number;
  status?: 'fail' | 'unknown';
}

export interface RuleCase {
  name: string;
  /** CloudFormation YAML (short tags welcome). Its JSON twin is generated and checked too. */
  yaml?: string;
  /** Skip the JSON twin (for YAML-only features such as comments). */
  noJsonTwin?: boolean;
  /** SAM template (YAML). */
  sam?: string;
  /** CloudFormation JSON written by hand. */
  json?: string;
  /** Terraform plan: an object (serialised with 2 spaces) or JSON text. */
  plan?: unknown;
  /** PHI mode for the case; default `all` so the rule runs at its base severity. */
  phi?: PhiMode;
  parameters?: Record<string, string>;
  /** Only for invalid cases. */
  errors?: ExpectedFinding[];
}

export interface RuleTable {
  valid: RuleCase[];
  invalid: RuleCase[];
}

/** Lint `text` with only `rule` enabled; the rule's findings. */
export function runRule(rule: Rule, text: string, uri: string, phi: PhiMode = 'all', parameters: Record<string, string> = {}): { findings: Finding[]; text: string } {
  const config = defaultConfig();
  config.phi.mode = phi;
  const analysis = lint(text, uri, { config, rules: new RuleIndex([rule]), parameterValues: parameters });
  assert.equal(analysis.document.kind, 'template', `${uri} was not detected as a template: ${JSON.stringify(analysis.document)} ${JSON.stringify(analysis.problems)}`);
  const syntax = analysis.problems.filter((p) => p.code === 'syntax-error');
  assert.deepEqual(syntax, [], `test template has syntax errors`);
  return { findings: analysis.findings.filter((f) => f.ruleId === rule.id), text };
}

function forms(c: RuleCase): { uri: string; text: string; source: boolean }[] {
  const out: { uri: string; text: string; source: boolean }[] = [];
  if (c.yaml !== undefined) {
    out.push({ uri: 'file:///test/template.yaml', text: c.yaml, source: true });
    if (!c.noJsonTwin) out.push({ uri: 'file:///test/template.json', text: yamlToJson(c.yaml), source: false });
  }
  if (c.sam !== undefined) out.push({ uri: 'file:///test/sam.yaml', text: c.sam, source: true });
  if (c.json !== undefined) out.push({ uri: 'file:///test/template.json', text: c.json, source: true });
  if (c.plan !== undefined) out.push({ uri: 'file:///test/plan.json', text: typeof c.plan === 'string' ? c.plan : JSON.stringify(c.plan, null, 2), source: true });
  if (out.length === 0) throw new Error(`case "${c.name}" has no template`);
  return out;
}

function describeFinding(f: Finding, text: string) {
  return { messageId: f.messageId, resource: f.resource, path: f.path.join('.'), line: new LineIndex(text).positionAt(f.span.start).line + 1, status: f.status };
}

/** eslint RuleTester style: `valid` cases give no finding of the rule, `invalid` ones exactly the expected findings. */
export function testRule(rule: Rule, table: RuleTable): void {
  describe(rule.id, () => {
    for (const c of table.valid) {
      for (const form of forms(c)) {
        it(`valid: ${c.name} (${form.uri.split('/').pop()})`, () => {
          const { findings } = runRule(rule, form.text, form.uri, c.phi, c.parameters);
          assert.deepEqual(findings.map((f) => describeFinding(f, form.text)), []);
        });
      }
    }
    for (const c of table.invalid) {
      assert.ok(c.errors && c.errors.length > 0, `invalid case "${c.name}" needs errors`);
      for (const form of forms(c)) {
        it(`invalid: ${c.name} (${form.uri.split('/').pop()})`, () => {
          const { findings } = runRule(rule, form.text, form.uri, c.phi, c.parameters);
          const actual = findings.map((f) => describeFinding(f, form.text));
          const expected = c.errors!.map((e) => ({
            messageId: e.messageId,
            resource: e.resource,
            path: e.path,
            line: form.source ? e.line : undefined,
            status: e.status ?? 'fail',
          }));
          assert.deepEqual(
            actual.map((a) => ({ ...a, line: form.source ? a.line : undefined })),
            expected,
          );
          if (form.uri.endsWith('plan.json')) assert.deepEqual(cloudFormationNamesIn(findings), [], 'a Terraform finding names CloudFormation properties');
        });
      }
    }
  });
}
