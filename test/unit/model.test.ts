import { strict as assert } from 'assert';
import { lint } from '../../server/src/engine/lint';
import { buildCfnModel } from '../../server/src/model/cfn';
import { Resolver, subVariables } from '../../server/src/model/intrinsics';
import { detect } from '../../server/src/parse/detect';
import { parseJson } from '../../server/src/parse/json';
import { mapGet, toPlain } from '../../server/src/parse/tree';
import { parseYaml } from '../../server/src/parse/yaml';

const modelOf = (yaml: string, params: Record<string, string> = {}) => {
  const doc = parseYaml(yaml);
  const kind = detect(doc.root, 'file:///t.yaml');
  return buildCfnModel(doc, kind.kind === 'template' ? kind.family : 'cloudformation', params);
};

describe('detection', () => {
  const kindOf = (text: string, uri = 'file:///x.yaml') => lint(text, uri).document;
  it('CloudFormation by AWSTemplateFormatVersion', () => assert.deepEqual(kindOf("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"), { kind: 'template', family: 'cloudformation' }));
  it('CloudFormation by typed Resources', () => assert.deepEqual(kindOf('Resources:\n  A:\n    Type: Custom::Thing\n'), { kind: 'template', family: 'cloudformation' }));
  it('SAM by Transform (string or list)', () => {
    assert.deepEqual(kindOf('Transform: AWS::Serverless-2016-10-31\nResources: {}\n'), { kind: 'template', family: 'sam' });
    assert.deepEqual(kindOf('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources: {}\n'), { kind: 'template', family: 'sam' });
  });
  it('Terraform plan', () => assert.deepEqual(kindOf('{"format_version":"1.2","planned_values":{}}', 'file:///p.json'), { kind: 'template', family: 'terraform-plan' }));
  it('Terraform JSON configuration is recognised as not yet supported', () => {
    const a = lint('{"resource":{"aws_s3_bucket":{"b":{}}}}', 'file:///main.tf.json');
    assert.equal(a.document.kind, 'unsupported');
    assert.deepEqual(a.problems.map((p) => p.code), ['unsupported-format']);
    assert.match(a.problems[0].message, /not yet supported/);
  });
  for (const [name, text, uri] of [
    ['Kubernetes manifest', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', 'file:///k.yaml'],
    ['GitHub workflow', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n', 'file:///w.yml'],
    ['package.json', '{"name":"x","version":"1.0.0"}', 'file:///package.json'],
    ['Resources that are not AWS types', 'Resources:\n  a: 1\n', 'file:///r.yaml'],
  ]) {
    it(`ignores a ${name} silently`, () => {
      const a = lint(text, uri);
      assert.deepEqual([a.document, a.findings, a.problems], [{ kind: 'ignored' }, [], []]);
    });
  }
});

describe('intrinsic resolution', () => {
  const template = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: { Type: String, Default: dev }
  Tier: { Type: String, AllowedValues: [gold, silver] }
  Secret: { Type: String }
Mappings:
  ByEnv:
    dev: { Encrypt: 'false' }
    prod: { Encrypt: 'true' }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Loop: !Condition Loop
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      A: !Ref Env
      Sub: !Sub '\${Env}-bucket-\${AWS::Region}'
      SubKnown: !Sub ['\${E}-x', { E: !Ref Env }]
      SubLiteral: !Sub '\${!Literal}-\${Env}-\${E'
      SubVia: !Sub ['\${Env}/\${!Env}/\${X}', { X: !Ref Env }]
      Join: !Join ['-', [a, !Ref Env]]
      Select: !Select [1, [x, y, z]]
      Map: !FindInMap [ByEnv, !Ref Env, Encrypt]
      If: !If [IsProd, on, off]
      Tier: !Ref Tier
      Secret: !Ref Secret
      Att: !GetAtt Other.Arn
      Imp: !ImportValue Shared
      Dyn: '{{resolve:ssm:/x}}'
      NoValue: !Ref AWS::NoValue
      Region: !Ref AWS::Region
      Loop: !If [Loop, a, b]
  Other:
    Type: AWS::SNS::Topic
`;
  const resolveAll = (params: Record<string, string> = {}) => {
    const model = modelOf(template, params);
    const r = new Resolver(model, 32);
    const props = model.byId.get('B')!.properties!;
    return (key: string) => r.resolve(mapGet(props, key));
  };
  const get = resolveAll();
  it('Ref to a parameter with a default, saying so', () => assert.deepEqual(get('A'), { kind: 'known', value: 'dev', via: ['parameter Env defaults to "dev"'] }));
  it('Fn::Sub with an unknown pseudo parameter is unknown with the reason', () => assert.deepEqual(get('Sub'), { kind: 'unknown', reason: 'pseudo parameter AWS::Region is known at deploy time', via: undefined }));
  it('Fn::Sub with local variables', () => assert.equal((get('SubKnown') as { value: unknown }).value, 'dev-x'));
  it('Fn::Sub keeps ${!Literal} as ${Literal} and an unclosed ${ as written', () => assert.deepEqual(get('SubLiteral'), { kind: 'known', value: '${Literal}-dev-${E', via: ['parameter Env defaults to "dev"'] }));
  it('Fn::Sub collects the reason of every variable it filled', () => assert.deepEqual(get('SubVia'), { kind: 'known', value: 'dev/${Env}/dev', via: ['parameter Env defaults to "dev"', 'parameter Env defaults to "dev"'] }));
  it('Fn::Join', () => assert.deepEqual(get('Join'), { kind: 'known', value: 'a-dev' }));
  it('Fn::Select', () => assert.deepEqual(get('Select'), { kind: 'known', value: 'y' }));
  it('Fn::FindInMap with a resolved key', () => assert.deepEqual(get('Map'), { kind: 'known', value: 'false', via: ['mapping ByEnv.dev.Encrypt'] }));
  it('Fn::If decided by a known condition', () => assert.deepEqual(get('If'), { kind: 'known', value: 'off', via: ['condition IsProd is false'] }));
  it('Fn::If decided by a given parameter value', () => {
    const prod = resolveAll({ Env: 'prod' });
    assert.deepEqual(prod('If'), { kind: 'known', value: 'on', via: ['condition IsProd is true'] });
  });
  it('parameter without default but AllowedValues is one of them', () => assert.deepEqual(get('Tier'), { kind: 'oneOf', options: [{ kind: 'known', value: 'gold' }, { kind: 'known', value: 'silver' }], via: ['parameter Tier has no default; allowed values ["gold","silver"]'] }));
  it('parameter without default is unknown', () => assert.deepEqual(get('Secret'), { kind: 'unknown', reason: 'parameter Secret has no default value', via: undefined }));
  it('Fn::GetAtt is unknown', () => assert.deepEqual(get('Att'), { kind: 'unknown', reason: 'Fn::GetAtt Other.Arn is known only after deployment', via: undefined }));
  it('Fn::ImportValue is unknown', () => assert.deepEqual(get('Imp'), { kind: 'unknown', reason: 'Fn::ImportValue comes from another stack', via: undefined }));
  it('dynamic references are unknown', () => assert.equal(get('Dyn').kind, 'unknown'));
  it('AWS::NoValue is absent', () => assert.deepEqual(get('NoValue'), { kind: 'absent' }));
  it('pseudo parameters are unknown', () => assert.equal(get('Region').kind, 'unknown'));
  it('a self-referencing condition ends as one-of', () => assert.equal(get('Loop').kind, 'oneOf'));
});

describe('SAM', () => {
  const sam = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: nodejs20.x
    Timeout: 5
    Environment:
      Variables:
        A: '1'
    Layers: [g]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Timeout: 30
      Environment:
        Variables:
          B: '2'
      Layers: [own]
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Events: s3:ObjectCreated:*
        Queue:
          Type: SQS
          Properties:
            Queue: !GetAtt Jobs.Arn
  Uploads:
    Type: AWS::S3::Bucket
  Jobs:
    Type: AWS::SQS::Queue
`;
  const model = modelOf(sam);
  it('merges Globals: own scalars win, maps merge, lists concatenate', () => {
    assert.deepEqual(toPlain(model.byId.get('Fn')!.properties), {
      Runtime: 'nodejs20.x',
      Timeout: 30,
      Environment: { Variables: { A: '1', B: '2' } },
      Layers: ['g', 'own'],
      Events: toPlain(model.byId.get('Fn')!.properties!.entries.find((e) => e.key === 'Events')!.value),
    });
  });
  it('a global value keeps its span inside Globals', () => {
    const runtime = mapGet(model.byId.get('Fn')!.properties, 'Runtime')!;
    assert.equal(sam.slice(runtime.span.start, runtime.span.end), 'nodejs20.x');
    assert.ok(runtime.span.start < sam.indexOf('Resources:'));
  });
  it('events are data-flow edges', () => {
    assert.deepEqual(
      model.edges.filter((e) => e.kind === 'event').map((e) => [e.from, e.to, e.path.join('.')]),
      [
        ['Fn', 'Uploads', 'Resources.Fn.Properties.Events.Upload.Properties.Bucket'],
        ['Fn', 'Jobs', 'Resources.Fn.Properties.Events.Queue.Properties.Queue'],
      ],
    );
  });
  it('implies the function role and log group', () => {
    assert.deepEqual(model.resources.filter((r) => r.implicitFrom).map((r) => [r.id, r.type, r.implicitFrom]), [
      ['FnRole', 'AWS::IAM::Role', 'Fn'],
      ['FnLogGroup', 'AWS::Logs::LogGroup', 'Fn'],
    ]);
  });
});

describe('reference graph', () => {
  const yaml = `Resources:
  A:
    Type: AWS::SNS::Topic
    DependsOn: B
    Properties:
      KmsMasterKeyId: !GetAtt B.Arn
      DisplayName: !Sub '\${C}-\${B.Arn}-\${!Literal}'
  B:
    Type: AWS::KMS::Key
    Properties:
      Description: !Ref A
  C:
    Type: AWS::SQS::Queue
`;
  it('collects Ref, GetAtt and Sub edges with paths, DependsOn apart, and survives a cycle', () => {
    const model = modelOf(yaml);
    assert.deepEqual(model.edges.map((e) => [e.from, e.to, e.kind, e.path.join('.'), e.attribute ?? '']), [
      ['A', 'B', 'getatt', 'Resources.A.Properties.KmsMasterKeyId', 'Arn'],
      ['A', 'C', 'sub', 'Resources.A.Properties.DisplayName', ''],
      ['A', 'B', 'sub', 'Resources.A.Properties.DisplayName', 'Arn'],
      ['A', 'B', 'depends-on', 'Resources.A.DependsOn', ''],
      ['B', 'A', 'ref', 'Resources.B.Properties.Description', ''],
    ]);
  });
  it('JSON and YAML give the same graph', () => {
    const y = modelOf(yaml);
    const jsonText = JSON.stringify(toPlain(parseYaml(yaml).root));
    const j = buildCfnModel(parseJson(jsonText), 'cloudformation');
    assert.deepEqual(j.edges.map((e) => [e.from, e.to, e.kind, e.path]), y.edges.map((e) => [e.from, e.to, e.kind, e.path]));
  });
});

describe('SAM implied log groups', () => {
  const ids = (text: string) => {
    const { lint } = require('../../server/src/engine/lint');
    return (lint(text, 'file:///sam.yaml').model.resources as { id: string }[]).map((r) => r.id);
  };
  const fn = (extra: string) => `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: a.h\n      Runtime: python3.12\n      CodeUri: src/\n${extra}`;
  it('a function without a group of its own gets the implied /aws/lambda group', () => {
    assert.deepEqual(ids(fn('')), ['Fn', 'FnRole', 'FnLogGroup']);
  });
  it('none when LoggingConfig names a group, or a group is declared for its literal name', () => {
    assert.deepEqual(ids(fn('      LoggingConfig:\n        LogGroup: shared-logs\n')), ['Fn', 'FnRole']);
    assert.deepEqual(ids(fn('      FunctionName: intake\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: /aws/lambda/intake\n')), ['Fn', 'Logs', 'FnRole']);
  });
});

describe('Fn::Sub variable scan', () => {
  // Edges and references scan Sub strings by hand; they must find what the `${Name}` pattern finds.
  it('finds the same variables as the pattern /\\$\\{([^!}][^}]*)\\}/g on 5,000 seeded strings', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['$', '{', '}', '!', '.', 'a', 'B', '${', '${!', '-'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = Math.floor(random() * 12); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)];
      const expected = [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((m) => {
        const [name, ...attribute] = m[1].split('.');
        return attribute.length && attribute.join('.') ? { name, attribute: attribute.join('.') } : { name };
      });
      assert.deepEqual(subVariables(text), expected, JSON.stringify(text));
    }
  });
});
