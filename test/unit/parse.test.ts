import { strict as assert } from 'assert';
import { parseJson } from '../../server/src/parse/json';
import { LineIndex } from '../../server/src/parse/positions';
import { nodeAt, spanOfPath, toPlain } from '../../server/src/parse/tree';
import { parseYaml, SHORT_TAGS } from '../../server/src/parse/yaml';
import { yamlToJson } from '../harness/yaml-to-json';

const plain = (yaml: string) => toPlain(parseYaml(yaml).root);

describe('YAML short tags decode to the long form', () => {
  const cases: [string, unknown][] = [
    ['!Ref Name', { Ref: 'Name' }],
    ['!Sub "arn:${AWS::Partition}:s3:::${B}"', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${B}' }],
    ['!Sub [ "${X}-y", { X: !Ref P } ]', { 'Fn::Sub': ['${X}-y', { X: { Ref: 'P' } }] }],
    ['!GetAtt Bucket.Arn', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['!GetAtt [Bucket, Arn]', { 'Fn::GetAtt': ['Bucket', 'Arn'] }],
    ['!Join [",", [a, b]]', { 'Fn::Join': [',', ['a', 'b']] }],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!If [C, 1, 2]', { 'Fn::If': ['C', 1, 2] }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Not [!Condition B]]', { 'Fn::Or': [{ Condition: 'A' }, { 'Fn::Not': [{ Condition: 'B' }] }] }],
    ['!FindInMap [M, K, V]', { 'Fn::FindInMap': ['M', 'K', 'V'] }],
    ['!ImportValue Shared-Vpc', { 'Fn::ImportValue': 'Shared-Vpc' }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Cidr ["10.0.0.0/16", 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ['!Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
    ['!ToJsonString { a: 1 }', { 'Fn::ToJsonString': { a: 1 } }],
    ['!Length [1, 2]', { 'Fn::Length': [1, 2] }],
  ];
  for (const [source, expected] of cases) {
    it(source, () => assert.deepEqual(plain(`V: ${source}\n`), { V: expected }));
  }
  it('covers every tag in the table', () => {
    const tested = new Set(cases.map(([s]) => s.split(' ')[0]));
    tested.add('!Condition').add('!GetAZs').add('!Not');
    assert.deepEqual(Object.keys(SHORT_TAGS).filter((t) => !tested.has(t)), ['!ForEach']);
  });
  it('reports no unresolved-tag noise', () => {
    assert.deepEqual(parseYaml('A: !Ref X\nB: !GetAtt Y.Arn\n').issues, []);
  });
  it('records that the file uses short tags', () => {
    assert.equal(parseYaml('A: !Ref X\n').usesShortTags, true);
    assert.equal(parseYaml('A: { Ref: X }\n').usesShortTags, false);
  });
  it('keeps the source range of a tagged value', () => {
    const text = 'A: !Ref Name\n';
    const node = nodeAt(parseYaml(text).root, ['A'])!;
    assert.equal(text.slice(node.span.start, node.span.end), 'Name');
  });
});

describe('aliases', () => {
  it('expand with the anchor content', () => {
    assert.deepEqual(plain('a: &x { k: 1 }\nb: *x\n'), { a: { k: 1 }, b: { k: 1 } });
  });
  it('an alias bomb hits the budget instead of hanging', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const doc = parseYaml(lines.join('\n') + '\n');
    assert.equal(doc.root, undefined);
    assert.deepEqual(doc.issues.map((i) => i.code), ['budget-exceeded']);
    assert.match(doc.issues[0].message, /maxAliasNodes/);
  });
});

describe('syntax errors and duplicate keys', () => {
  it('YAML duplicate key is reported at the second key, and the rest is read', () => {
    const text = 'Resources:\n  A: 1\n  A: 2\n  B: 3\n';
    const doc = parseYaml(text);
    assert.deepEqual(doc.issues.map((i) => [i.code, new LineIndex(text).positionAt(i.span.start)]), [['duplicate-key', { line: 2, character: 2 }]]);
    assert.deepEqual(toPlain(doc.root), { Resources: { A: 2, B: 3 } });
  });
  it('JSON duplicate key', () => {
    const text = '{\n  "A": 1,\n  "A": 2\n}';
    const doc = parseJson(text);
    assert.deepEqual(doc.issues.map((i) => [i.code, new LineIndex(text).positionAt(i.span.start)]), [['duplicate-key', { line: 2, character: 2 }]]);
  });
  it('YAML syntax error has a position and the readable part survives', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n  B: [unclosed\n';
    const doc = parseYaml(text);
    assert.equal(doc.issues[0].code, 'syntax-error');
    assert.equal(new LineIndex(text).positionAt(doc.issues[0].span.start).line >= 3, true);
    assert.equal((toPlain(doc.root) as { Resources: { A: { Type: string } } }).Resources.A.Type, 'AWS::S3::Bucket');
  });
  it('JSON syntax error has a position', () => {
    const text = '{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket" },\n  ,}\n}';
    const doc = parseJson(text);
    assert.ok(doc.issues.length >= 1);
    assert.equal(new LineIndex(text).positionAt(doc.issues[0].span.start).line, 3);
  });
});

describe('paths to ranges', () => {
  const yaml = [
    'Resources:',
    '  PatientBucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    '      BucketName: café-naïve-🏥',
    '      Tags:',
    '        - Key: DataClassification',
    '          Value: PHI',
    '',
  ].join('\n');
  const json = yamlToJson(yaml);
  const start = (text: string, parse: (text: string) => ReturnType<typeof parseYaml>, path: (string | number)[]) => {
    const doc = parse(text);
    const { span } = spanOfPath(doc.root, path);
    return { pos: new LineIndex(text).positionAt(span.start), text: text.slice(span.start, span.end) };
  };
  it('an existing property gives its key', () => {
    assert.deepEqual(start(yaml, parseYaml, ['Resources', 'PatientBucket', 'Properties', 'BucketName']), { pos: { line: 4, character: 6 }, text: 'BucketName' });
    assert.deepEqual(start(json, parseJson, ['Resources', 'PatientBucket', 'Properties', 'BucketName']), { pos: { line: 5, character: 8 }, text: '"BucketName"' });
  });
  it('a missing property gives the nearest existing parent', () => {
    assert.deepEqual(start(yaml, parseYaml, ['Resources', 'PatientBucket', 'Properties', 'BucketEncryption', 'X']).text, 'Properties');
    assert.deepEqual(start(json, parseJson, ['Resources', 'PatientBucket', 'Properties', 'BucketEncryption']).text, '"Properties"');
  });
  it('sequence items and their keys', () => {
    assert.deepEqual(start(yaml, parseYaml, ['Resources', 'PatientBucket', 'Properties', 'Tags', 0, 'Value']), { pos: { line: 7, character: 10 }, text: 'Value' });
  });
  it('YAML and JSON give the same paths', () => {
    const y = parseYaml(yaml).root;
    const j = parseJson(json).root;
    assert.deepEqual(toPlain(y), toPlain(j));
  });
  it('columns count UTF-16 code units after non-ASCII text', () => {
    const text = 'A: "🏥é"\nB: x\n';
    const idx = new LineIndex(text);
    const b = spanOfPath(parseYaml(text).root, ['A']).span;
    assert.deepEqual(idx.positionAt(parseYaml(text).root!.kind === 'map' ? (parseYaml(text).root as { entries: { value: { span: { end: number } } }[] }).entries[0].value.span.end : 0), { line: 0, character: 8 });
    assert.deepEqual(idx.positionAt(b.start), { line: 0, character: 0 });
  });
  it('CRLF files give the same lines and columns as LF', () => {
    const crlf = yaml.replace(/\n/g, '\r\n');
    assert.deepEqual(start(crlf, parseYaml, ['Resources', 'PatientBucket', 'Properties', 'Tags', 0, 'Value']), { pos: { line: 7, character: 10 }, text: 'Value' });
  });
  it('range ends exclude the line break', () => {
    const text = 'A:\r\n  B: 1\r\n';
    const idx = new LineIndex(text);
    assert.deepEqual(idx.rangeOf({ start: 0, end: 4 }), { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
  });
});

describe('plain values of the tree', () => {
  it('keep a key named __proto__ as data, with the prototype untouched', () => {
    const value = toPlain(parseYaml('a:\n  __proto__: { x: 1 }\n  b: 2\n').root) as { a: Record<string, unknown> };
    assert.deepEqual(Object.keys(value.a), ['__proto__', 'b']);
    assert.deepEqual(Object.getOwnPropertyDescriptor(value.a, '__proto__')?.value, { x: 1 });
    assert.equal(Object.getPrototypeOf(value.a), Object.prototype);
  });
});
