import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../server/src/engine/lint';
import { RuleIndex } from '../../server/src/engine/registry';
import type { Analysis } from '../../server/src/engine/types';
import { ALL_RULES } from '../../rules';
import { defineRule } from '../../rules/kit';
import { commentedYaml } from '../bench/generate';
import { cli, ROOT, tempDir } from '../cli/run-cli';

// Broken, hostile and strange templates: each gets a specific answer, and the engine and the CLI carry on.
const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\n";
const example = (name: string) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
const run = (text: string, uri = 'file:///t.yaml') => lint(text, uri, { today: '2026-01-01' });
const problems = (a: Analysis) => a.problems.map((p) => [p.code, p.message]);
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('broken input: truncated templates', () => {
  for (const name of ['patient-records.yaml', 'patient-records.json']) {
    const text = example(name);
    const cuts = Array.from({ length: 19 }, (_, k) => Math.floor((text.length * (k + 1)) / 20));

    it(`${name} cut at every 1/20th: a syntax error where the JSON ends, or the resources that are whole`, () => {
      for (const cut of cuts) {
        const part = text.slice(0, cut);
        const a = run(part, `file:///${name}`);
        for (const x of [...a.findings, ...a.problems]) assert.ok(x.span.start <= part.length && x.span.end <= part.length, `${cut}: span inside the text`);
        if (name.endsWith('.json')) {
          assert.equal(a.problems[0]?.code, 'syntax-error', `cut at ${cut}`);
          assert.match(a.problems[0].message, /^JSON syntax error: /);
        } else {
          const syntax = a.problems.filter((p) => p.code === 'syntax-error');
          for (const p of syntax) assert.match(p.message, /^YAML syntax error: /);
          // Without a syntax error, every finding is about a resource whose name made it into the text.
          for (const f of a.findings) assert.ok(part.includes(`  ${f.resource}:`), `${cut}: ${f.resource}`);
        }
      }
    });

    it(`${name} cut at every 1/20th: the CLI reads all 19 pieces in one run and reports each`, () => {
      const files: Record<string, string> = {};
      cuts.forEach((cut, k) => (files[`cut-${String(k + 1).padStart(2, '0')}${path.extname(name)}`] = text.slice(0, cut)));
      const dir = tempDir(files);
      const r = cli(['-f', 'json', '.'], { cwd: dir });
      assert.equal(r.code, 1, r.stderr);
      const out = JSON.parse(r.stdout) as { files: { file: string; error?: string; problems: { ruleId?: string; code?: string }[] }[] };
      assert.deepEqual(out.files.map((f) => f.file), Object.keys(files));
      assert.deepEqual(out.files.filter((f) => f.error), []);
      assert.equal(r.stderr, '');
    });
  }
});

describe('broken input: syntax and shape', () => {
  it('tabs as indentation: the YAML error at each tab', () => {
    const text = `${HEAD}Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n\tBucketName: x\n`;
    const a = run(text);
    assert.deepEqual(problems(a), [['syntax-error', 'YAML syntax error: Tabs are not allowed as indentation']]);
    assert.equal(lineOf(text, a.problems[0].span.start), 6);
  });

  for (const [format, text] of [
    ['YAML', `${HEAD}Resources:\n  Db:\n    Type: AWS::S3::Bucket\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n`],
    ['JSON', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Db": {"Type": "AWS::S3::Bucket"},\n"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "postgres"}}}}'],
  ] as const) {
    it(`a duplicate resource name in ${format}: reported at the second, which is the one analysed`, () => {
      const a = run(text, format === 'JSON' ? 'file:///t.json' : 'file:///t.yaml');
      assert.deepEqual(problems(a), [['duplicate-key', 'Duplicate key "Db": the later value wins, and CloudFormation rejects the template.']]);
      assert.equal(lineOf(text, a.problems[0].span.start), format === 'JSON' ? 2 : 5);
      assert.ok(a.findings.some((f) => f.ruleId === 'rds-storage-encrypted' && f.resource === 'Db'));
      assert.ok(!a.findings.some((f) => f.ruleId.startsWith('s3-')));
    });
  }

  const shapes: [string, string, string[][]][] = [
    ['Resources as a list', 'Resources:\n  - a\n  - b\n', [['invalid-template', 'Resources must be a mapping of logical IDs to resources, not a list; nothing in it was analysed.']]],
    ['Resources as a string', 'Resources: nope\n', [['invalid-template', 'Resources must be a mapping of logical IDs to resources, not a single value; nothing in it was analysed.']]],
    ['a resource as a string', 'Resources:\n  R: x\n', [['invalid-template', 'Resource R must be a mapping with a Type, not a single value; it was not analysed.']]],
    ['a resource without Type', 'Resources:\n  R:\n    Properties: {}\n', [['invalid-template', 'Resource R has no Type; it was not analysed.']]],
    ['a number for a Type', 'Resources:\n  R:\n    Type: 42\n', [['invalid-template', 'The Type of resource R must be a type name such as AWS::S3::Bucket, not a number or boolean; it was not analysed.']]],
    ['a list for a Type', 'Resources:\n  R:\n    Type: [AWS::S3::Bucket]\n', [['invalid-template', 'The Type of resource R must be a type name such as AWS::S3::Bucket, not a list; it was not analysed.']]],
    ['a list for Properties', 'Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties: [a]\n', [['invalid-template', 'The Properties of resource R must be a mapping, not a list; its checks read them as empty.']]],
  ];
  for (const [name, body, expected] of shapes) {
    it(`${name}: said so, with the key it is about`, () => {
      assert.deepEqual(problems(run(HEAD + body)), expected);
    });
  }

  it('a list where a map belongs and a number where a string belongs, at every property of the example: no check fails to run', () => {
    const text = example('patient-records.yaml');
    const lines = text.split('\n');
    let variants = 0;
    lines.forEach((line, i) => {
      const m = /^(\s+)([A-Za-z]+): (\S.*)$/.exec(line);
      if (!m || i < lines.indexOf('Resources:')) return;
      for (const wrong of ['[1, 2]', '{ Unexpected: true }', '42', 'true', '""']) {
        const changed = [...lines.slice(0, i), `${m[1]}${m[2]}: ${wrong}`, ...lines.slice(i + 1)].join('\n');
        const a = run(changed);
        variants++;
        assert.deepEqual(a.problems.filter((p) => p.code === 'rule-error'), [], `line ${i + 1} as ${wrong}`);
      }
    });
    assert.ok(variants > 150, `${variants} variants`);
  });
});

describe('broken input: nesting, cycles and chains', () => {
  const refused = 'Nesting deeper than 500 levels; the file was not analysed.';
  it('YAML flow nesting 10,000 deep: refused before parsing, with the offset', () => {
    const text = `${HEAD}Metadata:\n  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n`;
    const a = run(text);
    assert.deepEqual(problems(a), [['budget-exceeded', refused]]);
    const at = a.problems[0].span.start - text.indexOf('[');
    assert.ok(at > 490 && at < 500, `offset ${at} into the brackets`);
  });

  it('YAML block nesting 3,000 deep: refused before parsing', () => {
    let text = `${HEAD}Metadata:\n`;
    for (let i = 0; i < 3000; i++) text += `${' '.repeat(i + 1)}k${i}:\n`;
    assert.deepEqual(problems(run(`${text}Resources: {}\n`)), [['budget-exceeded', refused]]);
  });

  it('a cycle through !Ref, !GetAtt and DependsOn: every resource gets a verdict', () => {
    const text = `${HEAD}Resources:\n  A:\n    Type: AWS::SNS::Topic\n    DependsOn: C\n    Properties:\n      KmsMasterKeyId: !Ref B\n      Tags: [{ Key: DataClassification, Value: PHI }]\n  B:\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy: { deadLetterTargetArn: !GetAtt C.Arn, maxReceiveCount: 1 }\n  C:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n    Properties:\n      RedrivePolicy: { deadLetterTargetArn: !GetAtt B.Arn, maxReceiveCount: 1 }\n      QueueName: !GetAtt A.TopicName\n`;
    const a = run(text);
    assert.deepEqual(a.problems, []);
    assert.deepEqual(Object.keys(a.phi).sort(), ['A', 'B', 'C']);
    assert.equal(a.phi.A.verdict, 'phi');
  });

  it('a 5,000-long chain of dead-letter queues: PHI follows 16 steps, the 17th says why it stops', () => {
    let text = `${HEAD}Resources:\n`;
    for (let i = 0; i < 5000; i++) {
      text += `  Q${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n${i === 0 ? '      Tags: [{ Key: DataClassification, Value: PHI }]\n' : ''}      RedrivePolicy: { deadLetterTargetArn: !GetAtt Q${i + 1}.Arn, maxReceiveCount: 1 }\n`;
    }
    const a = run(`${text}  Q5000:\n    Type: AWS::SQS::Queue\n`);
    assert.deepEqual([a.phi.Q0.verdict, a.phi.Q15.verdict, a.phi.Q16.verdict, a.phi.Q17.verdict, a.phi.Q5000.verdict], ['phi', 'phi', 'unknown', 'unknown', 'unknown']);
    assert.match(a.phi.Q16.chain[a.phi.Q16.chain.length - 1].why, /^Q15 moves failed messages to Q16; PHI may reach it, but the chain is longer than the 16-step budget \(maxPhiDepth\)$/);
  });
});

describe('broken input: odd but valid templates', () => {
  it('a byte order mark changes nothing, in YAML or JSON', () => {
    for (const [name, uri] of [['patient-records.yaml', 'file:///t.yaml'], ['patient-records.json', 'file:///t.json']]) {
      const text = example(name);
      const plain = run(text, uri);
      const marked = run(`\ufeff${text}`, uri);
      assert.deepEqual(marked.problems, plain.problems, name);
      assert.deepEqual(marked.findings.map((f) => [f.ruleId, f.resource, f.span.start - 1]), plain.findings.map((f) => [f.ruleId, f.resource, f.span.start]), name);
    }
  });

  it('every value an intrinsic: checks say what cannot be verified instead of guessing', () => {
    const text = `${HEAD}Parameters:\n  Enc: { Type: String }\n  Name: { Type: String }\nConditions:\n  On: !Equals [!Ref Enc, 'yes']\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: !Ref Name\n      StorageEncrypted: !Ref Enc\n      PubliclyAccessible: !If [On, !Ref Enc, !Ref Name]\n      Tags: !If [On, [{ Key: DataClassification, Value: PHI }], !Ref AWS::NoValue]\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '\${Name}-x'\n      BucketEncryption: !If [On, !Ref AWS::NoValue, !Ref AWS::NoValue]\n`;
    const a = run(text);
    assert.deepEqual(a.problems, []);
    const db = a.findings.find((f) => f.ruleId === 'rds-storage-encrypted');
    assert.equal(db?.status, 'unknown');
    assert.match(db!.message, /Enc/);
  });

  it('unknown types and custom resources: eligibility is questioned, nothing else guessed', () => {
    const text = `${HEAD}Resources:\n  Vendor:\n    Type: MongoDB::Atlas::Cluster\n  Future:\n    Type: AWS::Quantum::Computer\n  Hook:\n    Type: Custom::Provisioner\n    Properties:\n      ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:hook\n  Generic:\n    Type: AWS::CloudFormation::CustomResource\n    Properties:\n      ServiceToken: arn:aws:lambda:us-east-1:111111111111:function:hook\n`;
    const a = run(text);
    assert.deepEqual(a.problems, []);
    assert.deepEqual([...new Set(a.findings.map((f) => `${f.ruleId} ${f.resource}`))].sort(), ['phi-eligibility-unconfirmed Future', 'phi-eligibility-unconfirmed Vendor']);
  });

  it('a plan whose every attribute is known only after apply, in modules 30 deep: no definite failure about an unknown value', () => {
    type Plan = { resource_changes: { address: string; change: { after: Record<string, unknown>; after_unknown: Record<string, unknown> } }[]; planned_values: { root_module: Record<string, unknown> } };
    const plan = JSON.parse(example('clinic-plan.json')) as Plan;
    const unknownOf = new Map<string, Set<string>>();
    for (const rc of plan.resource_changes) {
      for (const key of Object.keys(rc.change.after ?? {})) rc.change.after_unknown[key] = true;
      unknownOf.set(rc.address, new Set(Object.keys(rc.change.after_unknown)));
    }
    const check = (text: string) => {
      const a = run(text, 'file:///plan.json');
      assert.deepEqual(a.problems, []);
      for (const f of a.findings.filter((x) => x.status === 'fail')) {
        const at = f.path.lastIndexOf('values');
        const attribute = at >= 0 ? f.path[at + 1] : undefined;
        assert.ok(typeof attribute !== 'string' || !unknownOf.get(f.resource)?.has(attribute), `${f.ruleId} fails ${f.resource}.${attribute}, which is known only after apply`);
      }
      assert.ok(a.findings.filter((x) => x.status === 'unknown' && /is known only after apply/.test(x.message)).length >= 5);
      return a.findings.map((f) => `${f.ruleId} ${f.resource} ${f.status}`).sort();
    };
    const flat = check(JSON.stringify(plan));
    // The same resources 30 modules down.
    let module: Record<string, unknown> = plan.planned_values.root_module;
    for (let i = 29; i >= 0; i--) module = { address: Array.from({ length: i + 1 }, (_, k) => `module.m${k}`).join('.'), resources: [], child_modules: [module] };
    assert.deepEqual(check(JSON.stringify({ ...plan, planned_values: { root_module: { resources: [], child_modules: [module] } } })), flat);
  });

  it('a rule that throws becomes a rule-error problem on that resource, and the other rules still run', () => {
    const broken = defineRule({ ...ALL_RULES[0], id: 'always-throws', appliesTo: { cloudformation: ['AWS::S3::Bucket'] }, check: () => { throw new Error('boom'); } });
    const text = `${HEAD}Resources:\n  Scans:\n    Type: AWS::S3::Bucket\n`;
    const a = lint(text, 'file:///t.yaml', { rules: new RuleIndex([broken, ...ALL_RULES]) });
    assert.deepEqual(problems(a), [['rule-error', 'Rule always-throws failed on Scans (boom); that check did not run on this resource. This is a bug in hipaa-lint: please report it.']]);
    assert.equal(lineOf(text, a.problems[0].span.start), 3);
    assert.ok(a.findings.some((f) => f.ruleId === 's3-bucket-default-encryption'));
  });

  it('100,000 lines of comments and blank lines around one resource: the same findings as the bare resource', () => {
    const bare = `${HEAD}Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n`;
    // The benchmark's input (npm run bench times it against the floor).
    const padded = commentedYaml();
    assert.equal(padded.split('\n').length, 100_003);
    const a = run(padded);
    const b = run(bare);
    assert.deepEqual(a.problems, []);
    assert.deepEqual(a.findings.map((f) => [f.ruleId, f.message]), b.findings.map((f) => [f.ruleId, f.message]));
  });
});
