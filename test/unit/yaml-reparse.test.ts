import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { mapGet } from '../../server/src/parse/tree';
import { parseYaml } from '../../server/src/parse/yaml';
import { reparseYamlEdit } from '../../server/src/parse/yaml-reparse';
import { cfnYaml, samYaml } from '../bench/generate';
import { mulberry32 } from '../robustness/mutate';

const ROOT = path.resolve(__dirname, '../../..');

const SNIPPETS = ['x', ' ', '\n', '\n      Extra: 1', ': ', '- ', '!Ref Other', '"', "'", '#c', '{', '[a, b]', '|\n        text', '\t', '&a', '*a', 'Key: !GetAtt A.Arn', '0'];

/** A random edit: insert a snippet, delete a few characters, or replace a value. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const kind = next();
  if (kind < 0.5) return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 6));
  const lineEnd = text.indexOf('\n', at);
  return lineEnd < 0 ? text : text.slice(0, at) + 'changed' + text.slice(lineEnd);
}

describe('re-parsing only the edited resource', () => {
  const sources: [string, string][] = [
    ['generated CloudFormation', cfnYaml(24)],
    ['generated SAM', samYaml(20)],
    ['the example template', fs.readFileSync(path.join(ROOT, 'examples/patient-records.yaml'), 'utf8')],
  ];
  for (const [name, source] of sources) {
    it(`gives exactly the full parse after 300 random edits of ${name}`, () => {
      const next = mulberry32(name.length * 7919);
      let text = source;
      let previous = { text, parsed: parseYaml(text) };
      let reused = 0;
      let clean = 0;
      const reasons = new Map<string, number>();
      for (let i = 0; i < 300; i++) {
        const changed = edit(text, next);
        const full = parseYaml(changed);
        if (!full.issues.length) clean++;
        const result = reparseYamlEdit(previous, changed);
        const partial = 'parsed' in result ? result.parsed : undefined;
        if ('declined' in result && !full.issues.length) reasons.set(result.declined, (reasons.get(result.declined) ?? 0) + 1);
        if (partial) {
          reused++;
          assert.deepStrictEqual(partial.root, full.root, `edit ${i}`);
          assert.deepStrictEqual(partial.issues, full.issues, `edit ${i}`);
          assert.equal(partial.usesShortTags, full.usesShortTags, `edit ${i}`);
        }
        // Edits build on the last valid template, as a user fixes a typo before going on.
        if (!full.issues.length && mapGet(full.root, 'Resources')?.kind === 'map') {
          text = changed;
          previous = { text, parsed: full };
        }
      }
      // Most edits that leave valid YAML stay inside one resource: the fast path must be the usual one.
      assert.ok(reused > clean / 2, `only ${reused} of ${clean} clean edits were re-parsed in part: ${JSON.stringify([...reasons])}`);
    });
  }

  const base = cfnYaml(3);
  const parsed = parseYaml(base);
  const at = (needle: string) => {
    const i = base.indexOf(needle);
    assert.ok(i >= 0, needle);
    return i;
  };
  const withEdit = (offset: number, removed: number, inserted: string) => base.slice(0, offset) + inserted + base.slice(offset + removed);

  it('re-parses a changed value inside a resource', () => {
    const i = at('Engine: postgres') + 'Engine: '.length;
    const changed = withEdit(i, 'postgres'.length, 'mysql');
    const result = reparseYamlEdit({ text: base, parsed }, changed);
    assert.ok('parsed' in result, JSON.stringify(result));
    assert.deepStrictEqual(result.parsed.root, parseYaml(changed).root);
  });

  const declined: [string, () => string, string][] = [
    ['a renamed resource', () => withEdit(at('  Db1:') + 2, 3, 'Database1'), 'the edit touches the name Db1'],
    ['an edit outside Resources', () => withEdit(at('Description:') + 'Description: '.length, 0, 'New '), 'the edit is before the first resource'],
    ['an edit that adds a resource', () => withEdit(at('  Db1:'), 0, '  Extra:\n    Type: AWS::SNS::Topic\n'), 'the edit touches the name Db1'],
    ['an alias', () => withEdit(at('Engine: postgres') + 'Engine: '.length, 'postgres'.length, '*anchor'), 'anchors or aliases'],
    ['an edit that breaks the YAML', () => withEdit(at('Engine: postgres') + 'Engine: '.length, 0, '['), 'the resource does not parse on its own as one clean mapping'],
    ['a duplicate key', () => withEdit(at('Engine: postgres'), 0, 'Engine: mysql\n      '), 'the resource does not parse on its own as one clean mapping'],
  ];
  for (const [name, make, reason] of declined) {
    it(`leaves ${name} to a full parse`, () => {
      assert.deepStrictEqual(reparseYamlEdit({ text: base, parsed }, make()), { declined: reason });
    });
  }

  it('does not build on a previous parse that had problems', () => {
    const broken = base + '\n  Bad: [\n';
    assert.deepStrictEqual(reparseYamlEdit({ text: broken, parsed: parseYaml(broken) }, broken.replace('postgres', 'mysql')), { declined: 'the previous version had problems' });
  });
});
