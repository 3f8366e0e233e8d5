import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { workerCount } from '../../server/src/cli/pool';
import { cli, ROOT, STACK, tempDir, TWO_RULES } from './run-cli';

const SUPPRESSIONS = fs.readFileSync(path.join(ROOT, 'test/fixtures/suppressions.yaml'), 'utf8');
const CONFIG = `failOn: error
rules:
  s3-bucket-ssl-requests-only: off
suppressions:
  - rule: rds-require-tls
    resource: Nothing*
    reason: nothing matches this
`;

describe('CLI mode: config file', () => {
  it('is found by walking up from the file, and its rule settings and failOn apply', () => {
    const dir = tempDir({ '.hipaa-lint.yaml': 'failOn: error\nrules:\n  s3-bucket-default-encryption: off\n  rds-storage-encrypted: info\n', 'infra/db/stack.yaml': STACK });
    const r = cli([...TWO_RULES, 'infra/db/stack.yaml'], { cwd: dir });
    assert.equal(r.stdout, 'infra/db/stack.yaml\n  13:7     info     Database Db stores data unencrypted: StorageEncrypted is not true.  rds-storage-encrypted\n\n✖ 1 problem (0 errors, 0 warnings, 1 info)\n');
    assert.equal(r.code, 0, 'info is below failOn: error');
  });

  it('an invalid config is exit 2 with file, line, column, what is wrong and what is allowed', () => {
    const dir = tempDir({ '.hipaa-lint.yaml': 'failOn: fatal\nrulez: {}\nrules:\n  no-such-rule: off\n', 'stack.yaml': STACK });
    const r = cli(['stack.yaml'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^hipaa-lint: invalid config; nothing was linted:\n {2}\.hipaa-lint\.yaml:1:9: failOn is "fatal"; allowed: error, warning, info, hint\n {2}\.hipaa-lint\.yaml:2:1: unknown key "rulez" \(did you mean "rules"\?\); allowed: phi, rules, failOn, noPhiFindings, ignore, parameters, suppressions\n {2}\.hipaa-lint\.yaml:4:3: .*no-such-rule/);
  });

  it('--config names one explicitly; a missing one is exit 2', () => {
    const dir = tempDir({ 'ci.yaml': 'rules:\n  rds-storage-encrypted: off\n', 'stack.yaml': STACK });
    assert.doesNotMatch(cli(['-c', 'ci.yaml', ...TWO_RULES, 'stack.yaml'], { cwd: dir }).stdout, /rds-storage-encrypted/);
    const missing = cli(['--config', 'nope.yaml', 'stack.yaml'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--config: no such file: nope\.yaml/);
  });

  it('ignore globs skip files; phi settings declare resources', () => {
    const dir = tempDir({ '.hipaa-lint.yaml': 'ignore: [generated/]\nphi:\n  resources: [Bucket]\n', 'generated/stack.yaml': STACK, 'b.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n" });
    const r = cli(['--rule', 's3-bucket-default-encryption', '-f', 'json', '.'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.map((f: { file: string }) => f.file), ['b.yaml']);
    assert.deepEqual(out.files[0].findings.map((f: { phi: { verdict: string } }) => f.phi.verdict), ['phi']);
  });
});

describe('CLI mode: suppressions', () => {
  const run = (args: string[], today = '2026-12-03') => {
    const dir = tempDir({ '.hipaa-lint.yaml': CONFIG, 'stack.yaml': SUPPRESSIONS });
    return cli(args, { cwd: dir, env: { HIPAA_LINT_TODAY: today } });
  };

  it('comments and Metadata with reasons suppress; a comment without a reason is an error and suppresses nothing; unused config entries are reported', () => {
    const r = run(['--rule', 's3-bucket-default-encryption', '--rule', 'rds-storage-encrypted', '--rule', 'rds-require-tls', '.']);
    assert.equal(r.stdout, [
      'stack.yaml',
      '  20:3     error    hipaa-lint-disable-next-line: a reason is required after " -- ". Nothing was suppressed. Form: # hipaa-lint-disable-next-line <rule-id>[, <rule-id>] -- <reason> [until YYYY-MM-DD]  invalid-suppression',
      '  23:5     warning  Bucket Old declares no default encryption (BucketEncryption); declare SSE-KMS or SSE-S3 so encryption of PHI at rest is explicit.  s3-bucket-default-encryption',
      '',
      '.hipaa-lint.yaml',
      '  5:5      warning  Unused suppression: no rds-require-tls finding on Nothing* to suppress. Remove the entry so the list of accepted risks stays true.  unused-suppression',
      '',
      '✖ 3 problems (1 error, 2 warnings, 0 info); 2 suppressed (list them with --report-suppressed)',
      '',
    ].join('\n'));
    assert.equal(r.code, 1);
  });

  it('an expired suppression turns back into a finding, with a note', () => {
    const r = run(['--rule', 's3-bucket-default-encryption', 'stack.yaml'], '2027-04-01');
    assert.match(r.stdout, /^ {2}3:3 +info +Suppression of s3-bucket-default-encryption expired on 2027-03-31 \(reason: "images are synthetic test data"\)/m);
    assert.match(r.stdout, /^ {2}6:5 +warning +Bucket Scans declares no default encryption/m);
  });

  it('--report-suppressed lists every accepted risk with reason, location and expiry', () => {
    const r = run(['--report-suppressed', 'stack.yaml']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Accepted risks \(2\):\n\n {2}stack\.yaml:6:5 {2}s3-bucket-default-encryption {2}Scans {2}\(warning if not suppressed\)\n/);
    assert.match(r.stdout, /reason: {2}images are synthetic test data\n {4}by: {6}comment at stack\.yaml:3\n {4}expires: 2027-03-31\n/);
    assert.match(r.stdout, /reason: {2}migrated in ticket SEC-42\n {4}by: {6}resource Metadata at stack\.yaml:15\n {4}expires: never/);
  });
});

describe('CLI mode: output formats', () => {
  it('sarif validates against the SARIF 2.1.0 schema and carries citations, PHI and suppressions', () => {
    const dir = tempDir({ 'stack.yaml': SUPPRESSIONS });
    const r = cli(['-f', 'sarif', 'stack.yaml'], { cwd: dir });
    const log = JSON.parse(r.stdout);
    const Ajv = require('ajv-draft-04');
    const ajv = new Ajv({ strict: false, allErrors: true });
    require('ajv-formats')(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')));
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const scans = run.results.find((x: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.ruleId === 's3-bucket-default-encryption' && x.locations[0].physicalLocation.region.startLine === 6);
    assert.equal(scans.suppressions[0].kind, 'inSource');
    assert.equal(scans.suppressions[0].justification, 'images are synthetic test data');
    assert.equal(scans.locations[0].physicalLocation.region.startColumn, 5);
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 's3-bucket-default-encryption');
    assert.ok(rule.fullDescription.text.length > 20);
    assert.match(rule.helpUri, /s3-bucket-default-encryption/);
    assert.ok(run.taxonomies.some((t: { taxa: { id: string }[] }) => t.taxa.some((x) => x.id === '164.312(a)(2)(iv)')));
    assert.equal(scans.properties.phi.verdict, 'phi');
  });

  it('github prints workflow annotations', () => {
    const dir = tempDir({ 'stack.yaml': STACK });
    const r = cli(['-f', 'github', '--rule', 'rds-storage-encrypted', 'stack.yaml'], { cwd: dir });
    assert.equal(r.stdout, '::error file=stack.yaml,line=13,endLine=13,col=7,endColumn=23,title=hipaa-lint rds-storage-encrypted::Database Db stores data unencrypted: StorageEncrypted is not true. (45 CFR §164.312(a)(2)(iv), §164.312(e)(2)(ii))\n');
  });

  it('junit writes one testcase per finding; several formats go to their own files', () => {
    const dir = tempDir({ 'stack.yaml': STACK });
    const r = cli(['-f', 'junit', '-o', 'report.xml', '-f', 'sarif:report.sarif', '-f', 'stylish', ...TWO_RULES, 'stack.yaml'], { cwd: dir });
    assert.match(r.stdout, /^stack\.yaml\n/, 'stylish still goes to stdout');
    assert.equal(r.code, 1);
    const xml = fs.readFileSync(path.join(dir, 'report.xml'), 'utf8');
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="hipaa-lint" tests="2" failures="2"/);
    assert.match(xml, /<testcase name="rds-storage-encrypted Db at 13:7" classname="stack\.yaml"><failure type="error"/);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'report.sarif'), 'utf8')).runs[0].results.length, 2);
  });
});

describe('CLI mode: behaviour', () => {
  it('--max-warnings fails a run with too many warnings; --quiet shows errors only', () => {
    const dir = tempDir({ 'stack.yaml': STACK });
    assert.equal(cli(['--rule', 's3-bucket-default-encryption', 'stack.yaml'], { cwd: dir }).code, 1, 'default failOn is warning');
    assert.equal(cli(['--fail-on', 'error', '--rule', 's3-bucket-default-encryption', 'stack.yaml'], { cwd: dir }).code, 0);
    assert.equal(cli(['--fail-on', 'error', '--max-warnings', '0', '--rule', 's3-bucket-default-encryption', 'stack.yaml'], { cwd: dir }).code, 1);
    const quiet = cli(['--quiet', ...TWO_RULES, 'stack.yaml'], { cwd: dir });
    assert.doesNotMatch(quiet.stdout, / warning /);
    assert.match(quiet.stdout, /rds-storage-encrypted/);
  });

  it('--stdin with --stdin-filename lints standard input under that name', () => {
    const r = cli(['--stdin', '--stdin-filename', 'infra/db.yaml', '--rule', 'rds-storage-encrypted'], { input: STACK });
    assert.match(r.stdout, /^infra\/db\.yaml\n {2}13:7 +error/);
  });

  it('--phi-assume declared lowers findings on undeclared resources; all raises them', () => {
    const text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  PatientDb:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n";
    const sev = (mode: string) => JSON.parse(cli(['--stdin', '--phi-assume', mode, '-f', 'json', '--rule', 'rds-storage-encrypted'], { input: text }).stdout).files[0].findings[0].severity;
    assert.deepEqual(['declared', 'inferred', 'all'].map(sev), ['warning', 'warning', 'error']);
  });

  it('parallel workers give byte-identical output to one worker, in a stable order', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`t${String(i).padStart(2, '0')}.yaml`] = STACK.replace(/Db/g, `Db${i}`);
    const dir = tempDir(files);
    const one = cli(['--workers', '1', '-f', 'json', '.'], { cwd: dir });
    const four = cli(['--workers', '4', '-f', 'json', '.'], { cwd: dir });
    assert.equal(four.stdout, one.stdout);
    assert.deepEqual(JSON.parse(one.stdout).files.map((f: { file: string }) => f.file), Object.keys(files));
  });

  it('uses one worker per core but one by default, only with 8 files per worker, and --workers as given', () => {
    assert.deepEqual([workerCount(undefined, 500, 2), workerCount(undefined, 500, 8), workerCount(undefined, 20, 8), workerCount(undefined, 7, 8), workerCount(undefined, 500, 1)], [1, 7, 2, 1, 1]);
    assert.deepEqual([workerCount(4, 500, 2), workerCount(4, 3, 2), workerCount(0, 10, 2)], [4, 3, 1]);
  });

  it('colors only on a TTY or with --color, never with NO_COLOR', () => {
    const dir = tempDir({ 'stack.yaml': STACK });
    assert.doesNotMatch(cli(['stack.yaml'], { cwd: dir }).stdout, /\u001b\[/);
    assert.match(cli(['--color', 'stack.yaml'], { cwd: dir, env: { NO_COLOR: '' } }).stdout, /\u001b\[/);
  });
});

describe('pre-commit hook', () => {
  it('.pre-commit-hooks.yaml declares a node hook that runs hipaa-lint on YAML and JSON files', () => {
    const { parse } = require('yaml');
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.equal(hooks[0].id, 'hipaa-lint');
    assert.equal(hooks[0].language, 'node');
    assert.equal(hooks[0].entry, 'hipaa-lint');
    assert.match('template.yaml', new RegExp(hooks[0].files));
    assert.match('plan.json', new RegExp(hooks[0].files));
    assert.doesNotMatch('README.md', new RegExp(hooks[0].files));
  });
});

describe('hipaa-lint explain', () => {
  it('prints the rule, its citations, both responsibilities, the eligibility list date and source, and the doc', () => {
    const r = cli(['explain', 'phi-on-hipaa-eligible-service']);
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'phi-on-hipaa-eligible-service: PHI may reach a service that is not HIPAA eligible');
    assert.equal(lines[2], '  45 CFR §164.308(b)(1) Business associate contracts and other arrangements (standard)');
    assert.match(r.stdout, /^AWS: .*\nYou: .*\nEligibility list: AWS HIPAA Eligible Services Reference, revision of 2025-06-17 \(https:\/\/aws\.amazon\.com\/compliance\/hipaa-eligible-services-reference\/\)\n/m);
    assert.match(r.stdout, /^# phi-on-hipaa-eligible-service$/m);
  });
});

describe('pre-commit hook, run the way pre-commit runs it', () => {
  const hook = () => require('yaml').parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'))[0] as { entry: string; files: string };
  const staged = (dir: string, names: string[]) => names.filter((n) => new RegExp(hook().files).test(n));

  it('passes staged files that are clean or not templates at all', () => {
    const dir = tempDir({ 'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n', '.github/workflows/ci.yml': 'on: push\njobs: {}\n', 'package.json': '{"name":"x"}', 'stack.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Ready:\n    Type: AWS::CloudFormation::WaitConditionHandle\n", 'README.md': '# x\n' });
    const files = staged(dir, ['k8s/deploy.yaml', '.github/workflows/ci.yml', 'package.json', 'stack.yaml', 'README.md']);
    assert.deepEqual(files, ['k8s/deploy.yaml', '.github/workflows/ci.yml', 'package.json', 'stack.yaml']);
    assert.equal(hook().entry, 'hipaa-lint');
    const r = cli(files, { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  });

  it('fails the commit when a staged template has a finding', () => {
    const dir = tempDir({ 'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\n', 'db.yaml': STACK });
    const r = cli(staged(dir, ['k8s/deploy.yaml', 'db.yaml']), { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^db\.yaml\n/);
    assert.doesNotMatch(r.stdout, /deploy\.yaml/);
  });
});

describe('CLI mode: Metadata suppression in a JSON template', () => {
  it('suppresses with its reason, and --report-suppressed lists it', () => {
    const template = { AWSTemplateFormatVersion: '2010-09-09', Resources: { Db: { Type: 'AWS::RDS::DBInstance', Metadata: { 'hipaa-lint': { suppress: [{ rule: 'rds-storage-encrypted', reason: 'synthetic data only (TEST-7)' }] } }, Properties: { Engine: 'postgres', StorageEncrypted: false } } } };
    const dir = tempDir({ 'db.json': JSON.stringify(template, null, 2) });
    const r = cli(['--rule', 'rds-storage-encrypted', 'db.json'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /1 suppressed/);
    const listed = cli(['--report-suppressed', 'db.json'], { cwd: dir });
    assert.match(listed.stdout, /rds-storage-encrypted {2}Db[\s\S]*reason: {2}synthetic data only \(TEST-7\)\n {4}by: {6}resource Metadata at db\.json:\d+/);
  });
});
