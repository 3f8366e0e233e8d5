import { strict as assert } from 'assert';
import type { FixIntent } from '../../rules/kit/rule';
import { defaultConfig } from '../../server/src/engine/config';
import { lint } from '../../server/src/engine/lint';
import { fixAll } from '../../server/src/fix/fix-all';
import { renderIntent } from '../../server/src/fix/render';
import { nodeAt, toPlain } from '../../server/src/parse/tree';
import { parseYaml } from '../../server/src/parse/yaml';

/** The same template written many ways; every fix must hold the same invariants on each. */
interface Variant {
  name: string;
  text: string;
}

function base(opts: { unit: number; shortTags: boolean; comments: boolean; quotedKeys: boolean; flowTags: boolean; nonAscii: boolean }): string {
  const u = ' '.repeat(opts.unit);
  const i = (n: number) => u.repeat(n);
  const k = (key: string) => (opts.quotedKeys ? `"${key}"` : key);
  const ref = (name: string) => (opts.shortTags ? `!Ref ${name}` : `{ Ref: ${name} }`);
  const lines = [
    `AWSTemplateFormatVersion: '2010-09-09'`,
    `Description: ${opts.nonAscii ? 'Données patients — clinique 🏥' : 'Patient data'}`,
    'Parameters:',
    `${i(1)}Env:`,
    `${i(2)}Type: String`,
    `${i(2)}Default: dev`,
    'Resources:',
    ...(opts.comments ? [`${i(1)}# The intake bucket holds scanned forms.`] : []),
    `${i(1)}${k('Intake')}:`,
    `${i(2)}Type: AWS::S3::Bucket`,
    `${i(2)}Properties:`,
    `${i(3)}${k('BucketName')}: ${opts.shortTags ? '!Sub intake-${Env}' : "{ 'Fn::Sub': 'intake-${Env}' }"}`,
    ...(opts.comments ? [`${i(3)}# tags follow`] : []),
    opts.flowTags ? `${i(3)}Tags: [{ Key: DataClassification, Value: PHI }]` : `${i(3)}Tags:`,
    ...(opts.flowTags ? [] : [`${i(4)}- Key: DataClassification`, `${i(4)}  Value: PHI`]),
    `${i(1)}${k('Records')}:`,
    `${i(2)}Type: AWS::RDS::DBInstance`,
    `${i(2)}Properties:`,
    `${i(3)}Engine: postgres${opts.comments ? '  # managed by the data team' : ''}`,
    `${i(3)}DBName: ${ref('Env')}`,
    '',
  ];
  return lines.join('\n');
}

function variants(): Variant[] {
  const out: Variant[] = [];
  for (const unit of [2, 4])
    for (const shortTags of [true, false])
      for (const comments of [true, false])
        for (const flowTags of [true, false]) {
          const quotedKeys = unit === 4 && !shortTags;
          const nonAscii = comments;
          const text = base({ unit, shortTags, comments, quotedKeys, flowTags, nonAscii });
          const name = `indent ${unit}, ${shortTags ? 'short' : 'long'} tags, ${comments ? 'comments+non-ASCII' : 'plain'}, ${flowTags ? 'flow' : 'block'} tags${quotedKeys ? ', quoted keys' : ''}`;
          out.push({ name, text });
          if (unit === 2 && shortTags) out.push({ name: `${name}, CRLF`, text: text.replace(/\n/g, '\r\n') });
          if (unit === 4 && comments) out.push({ name: `${name}, no final newline`, text: text.replace(/\n$/, '') });
        }
  return out;
}

const INTENTS: { name: string; intent: FixIntent }[] = [
  { name: 'set an existing scalar parent’s new child', intent: { title: 'encrypt', safe: false, edits: [{ op: 'set', path: ['Resources', 'Records', 'Properties', 'StorageEncrypted'], value: true }] } },
  { name: 'add a nested block', intent: { title: 'sse', safe: true, edits: [{ op: 'set', path: ['Resources', 'Intake', 'Properties', 'BucketEncryption'], value: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }] } },
  { name: 'append to Tags', intent: { title: 'tag', safe: true, edits: [{ op: 'append', path: ['Resources', 'Intake', 'Properties', 'Tags'], value: { Key: 'Owner', Value: 'records' } }] } },
  { name: 'replace an intrinsic', intent: { title: 'db', safe: true, edits: [{ op: 'set', path: ['Resources', 'Records', 'Properties', 'DBName'], value: 'records' }] } },
  { name: 'add a resource', intent: { title: 'policy', safe: true, edits: [{ op: 'addResource', logicalId: 'IntakePolicy', type: 'AWS::S3::BucketPolicy', properties: { Bucket: { Ref: 'Intake' } } }] } },
];

describe('fix invariants over template variants', () => {
  for (const variant of variants()) {
    describe(variant.name, () => {
      const eol = variant.text.includes('\r\n') ? '\r\n' : '\n';
      for (const { name, intent } of INTENTS) {
        it(name, () => {
          const r = renderIntent(variant.text, 'yaml', intent);
          assert.ok(r.ok, r.ok ? '' : r.reason);
          if (!r.ok) return;
          // Bytes outside the edited region are identical.
          assert.equal(r.text.slice(0, r.edit.start), variant.text.slice(0, r.edit.start));
          assert.equal(r.text.slice(r.edit.start + r.edit.newText.length), variant.text.slice(r.edit.end));
          // Line endings and the final-newline state are kept.
          assert.equal(/\r\n/.test(r.text), eol === '\r\n');
          if (eol === '\n') assert.ok(!r.text.includes('\r'));
          else assert.ok(!/[^\r]\n/.test(r.text));
          assert.equal(r.text.endsWith('\n'), variant.text.endsWith('\n'));
          // Comments survive.
          for (const comment of variant.text.match(/#.*$/gm) ?? []) assert.ok(r.text.includes(comment), `lost comment ${comment}`);
          // The file keeps its intrinsic style.
          const shortBefore = parseYaml(variant.text).usesShortTags;
          const after = parseYaml(r.text);
          assert.deepEqual(after.issues, []);
          assert.equal(after.usesShortTags, shortBefore);
          if (!shortBefore) assert.ok(!/!Ref|!GetAtt|!Sub/.test(r.text));
          // The edit changed exactly what the intent says.
          const edit = intent.edits[0];
          if (edit.op === 'set') assert.deepEqual(toPlain(nodeAt(after.root, edit.path)), edit.value);
          if (edit.op === 'addResource') assert.deepEqual(toPlain(nodeAt(after.root, ['Resources', edit.logicalId, 'Type'])), edit.type);
        });
      }
      it('fix-all twice: the second run changes nothing', () => {
        const config = defaultConfig();
        config.phi.mode = 'all';
        const first = fixAll(lint(variant.text, 'file:///v.yaml', { config }), { config });
        assert.ok(first.applied.length >= 1);
        const second = fixAll(lint(first.text, 'file:///v.yaml', { config }), { config });
        assert.deepEqual(second.applied, []);
        assert.equal(second.text, first.text);
      });
    });
  }
});
