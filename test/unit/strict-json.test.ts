import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseJson, parseTolerantJson } from '../../server/src/parse/json';
import { DEFAULT_BUDGETS } from '../../server/src/parse/limits';
import { parseStrictJson } from '../../server/src/parse/strict-json';
import type { ValueNode } from '../../rules/kit/types';

const ROOT = path.resolve(__dirname, '../../..');
const strict = (text: string) => parseStrictJson(text, DEFAULT_BUDGETS, 2000);

describe('strict JSON fast path', () => {
  it('builds exactly the tree, spans and issues the tolerant parser builds, for every JSON file in the repository', () => {
    const files = ['examples/clinic-plan.json', 'examples/patient-records.json', 'test/fixtures/sarif-schema-2.1.0.json', 'rules/eligibility/eligible-services.json', 'package.json'];
    for (const file of files) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const fast = strict(text);
      assert.ok(fast, `${file} is strict JSON`);
      const slow = parseTolerantJson(text);
      assert.deepStrictEqual(fast.root, slow.root, file);
      assert.deepStrictEqual(fast.issues, slow.issues, file);
    }
  });

  const same: [string, string][] = [
    ['escapes', '{"a\\"b": "line\\nnext \\u00e9 \\\\ \\/", "t": "\\ud83d\\ude00"}'],
    ['numbers', '[0, -0, 12, -3.5, 1e3, 2E-2, 6.02e+23, 12345678901234567890]'],
    ['literals and empties', '{"t": true, "f": false, "n": null, "o": {}, "s": [], "e": ""}'],
    ['whitespace everywhere', ' \r\n\t{ "a" :\n[ 1 ,\t2 ] }\n'],
    ['duplicate keys, small map', '{"k": 1, "x": 2, "k": 3}'],
    ['duplicate keys, wide map', `{${Array.from({ length: 12 }, (_, i) => `"k${i}": ${i}`).join(', ')}, "k3": 99}`],
    ['a bare scalar', '"just a string"'],
    ['non-BMP text', '{"name": "患者 😀"}'],
  ];
  for (const [name, text] of same) {
    it(`agrees with the tolerant parser: ${name}`, () => {
      const fast = strict(text);
      assert.ok(fast, 'took the fast path');
      const slow = parseTolerantJson(text);
      assert.deepStrictEqual(fast.root, slow.root);
      assert.deepStrictEqual(fast.issues, slow.issues);
    });
  }

  it('reports a duplicate key at the later key', () => {
    const text = '{"k": 1, "k": 2}';
    assert.deepStrictEqual(strict(text)?.issues, [{ code: 'duplicate-key', message: 'Duplicate key "k": the later value wins, and CloudFormation rejects the template.', span: { start: 9, end: 12 } }]);
  });

  it('cuts the tree at the depth budget with one issue, like the tolerant parser', () => {
    const text = '['.repeat(300) + ']'.repeat(300);
    const fast = strict(text)!;
    assert.deepStrictEqual(fast.issues.map((i) => i.code), ['budget-exceeded']);
    assert.deepStrictEqual(fast.root, parseTolerantJson(text).root);
  });

  const refused: [string, string][] = [
    ['a comment', '{"a": 1 // note\n}'],
    ['a trailing comma', '{"a": 1,}'],
    ['a BOM', '\ufeff{"a": 1}'],
    ['a truncated document', '{"a": [1, 2'],
    ['a raw control character in a string', '{"a": "x\ty"}'],
    ['a bad escape', '{"a": "\\x41"}'],
    ['a short unicode escape', '{"a": "\\u12"}'],
    ['a leading zero', '[01]'],
    ['a bare dot', '[1.]'],
    ['a missing exponent', '[1e]'],
    ['a word', '[nope]'],
    ['a single quote', "{'a': 1}"],
    ['a missing colon', '{"a" 1}'],
    ['two documents', '{} {}'],
    ['empty text', ''],
    ['nesting past the limit', '['.repeat(2001) + ']'.repeat(2001)],
  ];
  for (const [name, text] of refused) {
    it(`leaves ${name} to the tolerant parser`, () => {
      assert.equal(strict(text), undefined);
    });
  }

  /** The tree as plain objects, every lazy part read. */
  const plainTree = (node: ValueNode): unknown =>
    node.kind === 'map'
      ? { kind: 'map', span: node.span, entries: node.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: plainTree(e.value) })) }
      : node.kind === 'seq'
        ? { kind: 'seq', span: node.span, items: node.items.map(plainTree) }
        : { kind: 'scalar', value: node.value, span: node.span };

  it('builds the same tree lazily, for the example plan', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/clinic-plan.json'), 'utf8');
    const lazy = parseStrictJson(text, DEFAULT_BUDGETS, 2000, true)!;
    assert.deepStrictEqual(plainTree(lazy.root), plainTree(strict(text)!.root));
  });

  it('reports a duplicate key in a lazy part once that part is read', () => {
    const lazy = parseStrictJson('{"a": {"k": 1, "k": 2}}', DEFAULT_BUDGETS, 2000, true)!;
    assert.equal(lazy.issues.length, 0);
    const inner = lazy.root.kind === 'map' ? lazy.root.entries[0].value : undefined;
    assert.equal(inner?.kind === 'map' && inner.entries.length, 2);
    assert.deepStrictEqual(lazy.issues.map((i) => [i.code, i.span.start]), [['duplicate-key', 15]]);
  });

  it('still explains non-strict input through parseJson', () => {
    assert.deepStrictEqual(parseJson('{"a": 1,}').issues, parseTolerantJson('{"a": 1,}').issues);
    assert.equal(parseJson('['.repeat(2001) + ']'.repeat(2001)).issues[0].code, 'budget-exceeded');
  });
});
