import { strict as assert } from 'assert';
import type { FixIntent } from '../../rules/kit/rule';
import { renderIntent } from '../../server/src/fix/render';
import { parseJson } from '../../server/src/parse/json';
import { toPlain } from '../../server/src/parse/tree';
import { parseYaml } from '../../server/src/parse/yaml';

const set = (path: (string | number)[], value: unknown): FixIntent => ({ title: 't', safe: true, edits: [{ op: 'set', path, value: value as never }] });
const yaml = (text: string, intent: FixIntent) => {
  const r = renderIntent(text, 'yaml', intent);
  if (!r.ok) throw new Error(r.reason);
  return r.text;
};
const declined = (text: string, intent: FixIntent, format: 'yaml' | 'json' = 'yaml') => {
  const r = renderIntent(text, format, intent);
  assert.equal(r.ok, false);
  return (r as { reason: string }).reason;
};

const BUCKET = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: x # keep me
`;

describe('YAML fix rendering', () => {
  it('replaces a scalar in place, keeping the comment', () => {
    const text = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false # todo\n';
    assert.equal(yaml(text, set(['Resources', 'Db', 'Properties', 'StorageEncrypted'], true)), text.replace('false # todo', 'true # todo'));
  });
  it('keeps the quoting style of the replaced scalar', () => {
    const text = "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      Name: 'old'\n";
    assert.equal(yaml(text, set(['Resources', 'T', 'Properties', 'Name'], 'new')), text.replace("'old'", "'new'"));
  });
  it('replaces a short-form intrinsic as a whole', () => {
    const text = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: !Ref Enc\n';
    assert.equal(yaml(text, set(['Resources', 'Db', 'Properties', 'StorageEncrypted'], true)), text.replace('!Ref Enc', 'true'));
  });
  it('inserts a missing key after its last sibling, at the siblings’ indentation', () => {
    assert.equal(
      yaml(BUCKET, set(['Resources', 'Bucket', 'Properties', 'VersioningConfiguration'], { Status: 'Enabled' })),
      BUCKET + '      VersioningConfiguration:\n        Status: Enabled\n',
    );
  });
  it('creates missing parents (Properties) with the document’s indent unit (4)', () => {
    const text = 'Resources:\n    Bucket:\n        Type: AWS::S3::Bucket\n';
    assert.equal(yaml(text, set(['Resources', 'Bucket', 'Properties', 'BucketName'], 'b')), text + '        Properties:\n            BucketName: b\n');
  });
  it('writes intrinsics in the file’s short-tag style', () => {
    const text = 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub "${AWS::StackName}-t"\n';
    assert.equal(yaml(text, set(['Resources', 'Topic', 'Properties', 'KmsMasterKeyId'], { Ref: 'Key' })), text + '      KmsMasterKeyId: !Ref Key\n');
    assert.equal(yaml(text, set(['Resources', 'Topic', 'Properties', 'KmsMasterKeyId'], { 'Fn::GetAtt': ['Key', 'Arn'] })), text + '      KmsMasterKeyId: !GetAtt Key.Arn\n');
  });
  it('writes intrinsics in long form when the file uses no short tags', () => {
    const text = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: t\n';
    assert.equal(yaml(text, set(['Resources', 'Topic', 'Properties', 'KmsMasterKeyId'], { Ref: 'Key' })), text + '      KmsMasterKeyId:\n        Ref: Key\n');
  });
  it('keeps CRLF line endings', () => {
    const text = BUCKET.replace(/\n/g, '\r\n');
    assert.equal(yaml(text, set(['Resources', 'Bucket', 'Properties', 'VersioningConfiguration'], { Status: 'Enabled' })), text + '      VersioningConfiguration:\r\n        Status: Enabled\r\n');
  });
  it('keeps a missing final newline missing', () => {
    const text = BUCKET.slice(0, -1);
    assert.equal(yaml(text, set(['Resources', 'Bucket', 'Properties', 'A'], 'b')), text + '\n      A: b');
  });
  it('merges into a flow mapping', () => {
    const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: x }\n';
    assert.equal(yaml(text, set(['Resources', 'Bucket', 'Properties', 'A'], true)), text.replace('{ BucketName: x }', '{ BucketName: x, A: true }'));
  });
  it('appends to a block sequence with its indentation', () => {
    const text = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: a\n          Value: b\n';
    const intent: FixIntent = { title: 't', safe: true, edits: [{ op: 'append', path: ['Resources', 'Bucket', 'Properties', 'Tags'], value: { Key: 'c', Value: 'd' } }] };
    assert.equal(yaml(text, intent), text + '        - Key: c\n          Value: d\n');
  });
  it('declares a new parameter before Resources and refers to it', () => {
    const text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref AWS::StackName\n";
    const intent = set(['Resources', 'Topic', 'Properties', 'KmsMasterKeyId'], { newParameter: { name: 'PhiKmsKeyArn', type: 'String', description: 'KMS key for PHI' } });
    const out = yaml(text, intent);
    assert.deepEqual(toPlain(parseYaml(out).root), {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { Ref: 'AWS::StackName' }, KmsMasterKeyId: { Ref: 'PhiKmsKeyArn' } } } },
      Parameters: { PhiKmsKeyArn: { Type: 'String', Description: 'KMS key for PHI' } },
    });
    assert.ok(out.startsWith(text.slice(0, text.indexOf('Resources:')) + 'Parameters:\n  PhiKmsKeyArn:\n    Type: String\n    Description: KMS key for PHI\n\nResources:\n'));
    assert.ok(out.includes('      KmsMasterKeyId: !Ref PhiKmsKeyArn\n'));
  });
  it('adds a resource', () => {
    const intent: FixIntent = { title: 't', safe: true, edits: [{ op: 'addResource', logicalId: 'BucketPolicy', type: 'AWS::S3::BucketPolicy', properties: { Bucket: { Ref: 'Bucket' } } }] };
    assert.equal(yaml(BUCKET, intent), BUCKET + '  BucketPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket:\n        Ref: Bucket\n');
  });
  it('declines through an alias or an anchored node', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: &shared\n      BucketName: x\n  B:\n    Type: AWS::S3::Bucket\n    Properties: *shared\n';
    assert.match(declined(text, set(['Resources', 'A', 'Properties', 'X'], 1)), /anchored node &shared/);
    assert.match(declined(text, set(['Resources', 'B', 'Properties', 'X'], 1)), /alias \*shared/);
  });
  it('declines on a file with syntax errors', () => {
    assert.match(declined('Resources:\n  A: [\n', set(['Resources', 'A'], 1)), /syntax errors/);
  });
  // Found by the mutation fuzzer: the writer edited the first `Resources`, the check read the later one and threw.
  it('declines on a file with a duplicate key, where the writer would edit another value than the template means', () => {
    const encryption = set(['Resources', 'Scans', 'Properties', 'BucketEncryption'], { ServerSideEncryptionConfiguration: [] });
    assert.match(declined('Resources:\nResources:\n  Scans:\n    Type: AWS::S3::Bucket\n    Properties: 1\n', encryption), /duplicate keys/);
    assert.match(declined('{"Resources": {}, "Resources": {"Scans": {"Type": "AWS::S3::Bucket", "Properties": 1}}}', encryption, 'json'), /duplicate keys/);
  });
  // Found by the mutation fuzzer: checking a fix on a resource named `__proto__` wrote Properties onto Object.prototype.
  it('treats a key named __proto__ as data: checking a fix through it leaves Object.prototype alone', () => {
    const versioning = set(['Resources', '__proto__', 'Properties', 'VersioningConfiguration'], { Status: 'Enabled' });
    try {
      renderIntent('Resources:\n  __proto__:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: x\n', 'yaml', versioning);
      renderIntent('{"Resources": {"__proto__": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "x"}}}}', 'json', versioning);
      assert.deepEqual(Object.keys(Object.prototype), []);
    } finally {
      for (const key of Object.keys(Object.prototype)) delete (Object.prototype as Record<string, unknown>)[key];
    }
  });
});

describe('JSON fix rendering', () => {
  const json = (text: string, intent: FixIntent) => {
    const r = renderIntent(text, 'json', intent);
    if (!r.ok) throw new Error(r.reason);
    return r.text;
  };
  const template = (indent: string, eol: string) =>
    ['{', `${indent}"Resources": {`, `${indent}${indent}"Bucket": {`, `${indent}${indent}${indent}"Type": "AWS::S3::Bucket"`, `${indent}${indent}}`, `${indent}}`, '}', ''].join(eol);
  for (const [name, indent, eol] of [['2 spaces, LF', '  ', '\n'], ['4 spaces, CRLF', '    ', '\r\n'], ['tabs', '\t', '\n']] as const) {
    it(`uses the file’s own indentation and line endings (${name})`, () => {
      const out = json(template(indent, eol), set(['Resources', 'Bucket', 'Properties', 'BucketName'], 'b'));
      assert.deepEqual(toPlain(parseJson(out).root), { Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'b' } } } });
      assert.ok(out.includes(`${eol}${indent}${indent}${indent}"Properties": {${eol}${indent}${indent}${indent}${indent}"BucketName": "b"${eol}`), JSON.stringify(out));
      assert.ok(!out.replace(/\r\n/g, '').includes(eol === '\r\n' ? '\n' : '\r'));
    });
  }
});
