import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../rules';
import { citationLabel, CITATIONS } from '../../rules/kit/citations';
import type { Rule } from '../../rules/kit/rule';
import { runRule } from '../harness/rule-tester';

const ROOT = path.resolve(__dirname, '../../..');
const RULES_DIR = path.join(ROOT, 'rules');
const CATEGORIES = ['encryption-at-rest', 'encryption-in-transit', 'public-exposure', 'audit-logging', 'backup-recovery', 'access-control', 'network', 'eligibility'];
const DOC_HEADINGS = ['## What and why', '## The PHI it protects', '## HIPAA citations', '## Shared responsibility', '## Non-compliant example', '## Compliant example', '## What the fix does', '## When to suppress'];
const SAM_TYPES = ['AWS::Serverless::Api', 'AWS::Serverless::Application', 'AWS::Serverless::Connector', 'AWS::Serverless::Function', 'AWS::Serverless::GraphQLApi', 'AWS::Serverless::HttpApi', 'AWS::Serverless::LayerVersion', 'AWS::Serverless::SimpleTable', 'AWS::Serverless::StateMachine'];
/** Types newer than the bundled CloudFormation spec (2.72.1 = spec 117), checked by hand against the CloudFormation docs. */
const NEWER_CFN_TYPES = new Set<string>(['AWS::S3Express::DirectoryBucket', 'AWS::HealthImaging::Datastore', 'AWS::Bedrock::Agent', 'AWS::Bedrock::KnowledgeBase', 'AWS::QBusiness::Application', 'AWS::Omics::SequenceStore', 'AWS::Omics::ReferenceStore', 'AWS::Omics::VariantStore', 'AWS::Omics::AnnotationStore', 'AWS::HealthLake::FHIRDatastore']);

function sourceFilesOf(category: string): string[] {
  const dir = path.join(RULES_DIR, category);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts') : [];
}

function loadedRuleFiles(): { category: string; file: string; rule: Rule }[] {
  const out: { category: string; file: string; rule: Rule }[] = [];
  for (const category of CATEGORIES) {
    for (const file of sourceFilesOf(category)) {
      const mod = require(path.join(ROOT, 'out/rules', category, file.replace(/\.ts$/, '.js')));
      if (mod.default && typeof mod.default.check === 'function') out.push({ category, file, rule: mod.default });
    }
  }
  return out;
}

function docOf(rule: Rule): string {
  return fs.readFileSync(path.join(RULES_DIR, rule.category, `${rule.id}.md`), 'utf8');
}

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`${heading}\n`);
  if (start < 0) return '';
  const rest = doc.slice(start + heading.length + 1);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

function jsonBlock(text: string): string | undefined {
  return /```json\n([\s\S]*?)```/.exec(text)?.[1];
}

function yamlBlock(text: string): string | undefined {
  return /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
}

let cfnTypes: Set<string> | undefined;
function cloudFormationTypes(): Set<string> {
  cfnTypes ??= new Set(Object.keys(require('@aws-cdk/cfnspec').specification().ResourceTypes));
  return cfnTypes;
}

describe('rule set meta', () => {
  const files = loadedRuleFiles();

  it('has rules', () => assert.ok(ALL_RULES.length >= 2));

  it('ids are unique, kebab-case and sorted in the registry', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    assert.deepEqual(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)), []);
    assert.deepEqual(ids, [...ids].sort((a, b) => a.localeCompare(b)));
  });

  it('every rule file is named after its id, sits in its category folder and is registered', () => {
    const registered = new Set(ALL_RULES);
    assert.deepEqual(files.filter(({ file, rule }) => file !== `${rule.id}.ts`).map((f) => f.file), []);
    assert.deepEqual(files.filter(({ category, rule }) => category !== rule.category).map((f) => f.rule.id), []);
    assert.deepEqual(files.filter(({ rule }) => !registered.has(rule)).map((f) => f.rule.id), []);
    assert.equal(files.length, ALL_RULES.length);
  });

  it('every citation key exists in the §164 catalog', () => {
    assert.deepEqual(ALL_RULES.flatMap((r) => r.hipaa.filter((c) => !CITATIONS[c]).map((c) => `${r.id}: ${c}`)), []);
    assert.deepEqual(ALL_RULES.filter((r) => r.hipaa.length === 0).map((r) => r.id), []);
  });

  it('every message placeholder is filled by the engine or the rule', () => {
    for (const r of ALL_RULES) assert.ok(Object.keys(r.messages).length > 0, `${r.id} has no messages`);
  });

  it('Terraform wording rewords an existing message, with the same placeholders', () => {
    const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
    const bad = ALL_RULES.flatMap((r) =>
      Object.entries(r.terraformMessages ?? {}).flatMap(([id, text]) => {
        const original = r.messages[id];
        if (original === undefined) return [`${r.id}/${id}: no such message`];
        if (text === original) return [`${r.id}/${id}: same as the CloudFormation text`];
        const [want, got] = [placeholders(original), placeholders(text)];
        return want.join() === got.join() ? [] : [`${r.id}/${id}: ${got.join(' ')} instead of ${want.join(' ')}`];
      }),
    );
    assert.deepEqual(bad, []);
  });

  it('every CloudFormation/SAM type exists in the CloudFormation spec or the SAM type list', () => {
    const known = cloudFormationTypes();
    const missing = ALL_RULES.flatMap((r) => (r.appliesTo.cloudformation ?? []).filter((t) => t !== '*' && !known.has(t) && !SAM_TYPES.includes(t) && !NEWER_CFN_TYPES.has(t)).map((t) => `${r.id}: ${t}`));
    assert.deepEqual(missing, []);
  });

  it('every Terraform type is an AWS provider resource type', () => {
    const bad = ALL_RULES.flatMap((r) => (r.appliesTo.terraform ?? []).filter((t) => t !== '*' && !/^aws_[a-z0-9_]+$/.test(t)).map((t) => `${r.id}: ${t}`));
    assert.deepEqual(bad, []);
  });

  it('every rule has a table test', () => {
    assert.deepEqual(ALL_RULES.filter((r) => !fs.existsSync(path.join(ROOT, 'test/rules', `${r.id}.test.ts`))).map((r) => r.id), []);
  });

  describe('docs', () => {
    for (const rule of ALL_RULES) {
      describe(rule.id, () => {
        it('has the fixed headings in order', () => {
          const doc = docOf(rule);
          assert.ok(doc.startsWith(`# ${rule.id}\n`), 'starts with "# <id>"');
          const found = DOC_HEADINGS.map((h) => doc.indexOf(`\n${h}\n`));
          assert.deepEqual(found.map((i) => i >= 0), DOC_HEADINGS.map(() => true), `missing: ${DOC_HEADINGS.filter((_, i) => found[i] < 0).join(', ')}`);
          assert.deepEqual(found, [...found].sort((a, b) => a - b));
        });
        it('lists exactly its citations', () => {
          const lines = section(docOf(rule), '## HIPAA citations').split('\n').filter((l) => l.startsWith('- '));
          assert.deepEqual(lines, rule.hipaa.map((c) => `- ${citationLabel(c)}`));
        });
        it('non-compliant example produces the rule; compliant example does not', () => {
          const doc = docOf(rule);
          // Terraform-only rules (nothing CloudFormation can express) show Terraform plans instead.
          const planOnly = !(rule.appliesTo.cloudformation ?? []).length;
          const block = planOnly ? jsonBlock : yamlBlock;
          const uri = (name: string) => `file:///doc/${name}.${planOnly ? 'json' : 'yaml'}`;
          const bad = block(section(doc, '## Non-compliant example'));
          const good = block(section(doc, '## Compliant example'));
          assert.ok(bad && good, `both examples are ${planOnly ? 'json (Terraform plan)' : 'yaml'} blocks`);
          assert.ok(runRule(rule, bad!, uri('bad')).findings.length > 0, 'non-compliant example gives no finding');
          assert.deepEqual(runRule(rule, good!, uri('good')).findings.map((f) => `${f.messageId} ${f.resource}`), []);
        });
      });
    }
  });
});
