// Writes the benchmark inputs into .bench/inputs: realistic synthetic CloudFormation (YAML with short tags,
// JSON), SAM, Terraform plans with modules, and a workspace of small templates. Deterministic.
import * as fs from 'fs';
import * as path from 'path';

const KINDS = ['bucket', 'db', 'fn', 'queue', 'topic', 'table', 'logs', 'role'] as const;

function cfnResource(i: number, pad: number): string {
  const id = (k: string) => `${k}${i}`;
  const filler = pad > 0 ? `      Description: ${'Synthetic padding to reach a realistic template size. '.repeat(pad)}\n` : '';
  switch (KINDS[i % KINDS.length]) {
    case 'bucket':
      return `  ${id('Bucket')}:
    Type: AWS::S3::Bucket
    Condition: IsProd
    Properties:
      BucketName: !Sub 'clinic-\${Env}-records-${i}'
      Tags:
        - Key: DataClassification
          Value: !If [IsProd, PHI, internal]
      VersioningConfiguration:
        Status: Enabled
`;
    case 'db':
      return `  ${id('Db')}:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: !FindInMap [Sizes, !Ref Env, Db]
      AllocatedStorage: '20'
      StorageEncrypted: !If [IsProd, true, false]
      MasterUsername: admin
      ManageMasterUserPassword: true
      Tags:
        - Key: Owner
          Value: records-team
`;
    case 'fn':
      return `  ${id('Fn')}:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role${i + 7}.Arn
      Environment:
        Variables:
          BUCKET: !Ref Bucket${Math.max(0, i - 2)}
          TABLE: !Ref Table${i + 3}
      Code:
        ZipFile: |
          def handler(event, context):
              return {"statusCode": 200}
${filler.replace('      Description', '      Description')}`;
    case 'queue':
      return `  ${id('Queue')}:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Join ['-', [intake, !Ref Env, '${i}']]
      KmsMasterKeyId: alias/aws/sqs
`;
    case 'topic':
      return `  ${id('Topic')}:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub 'alerts-\${AWS::StackName}-${i}'
`;
    case 'table':
      return `  ${id('Table')}:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
`;
    case 'logs':
      return `  ${id('Logs')}:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub '/aws/lambda/\${Fn${i - 4}}'
      RetentionInDays: 365
`;
    case 'role':
      return `  ${id('Role')}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: access
          PolicyDocument:
            Statement:
${Array.from({ length: 3 + pad }, (_, s) => `              - Effect: Allow
                Action: [s3:GetObject, s3:PutObject]
                Resource: !Sub 'arn:\${AWS::Partition}:s3:::clinic-\${Env}-records-${s}/*'
`).join('')}`;
  }
}

export function cfnYaml(count: number, pad = 0): string {
  const head = `AWSTemplateFormatVersion: '2010-09-09'
Description: Synthetic clinic stack for benchmarks
Parameters:
  Env:
    Type: String
    Default: prod
    AllowedValues: [dev, prod]
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Mappings:
  Sizes:
    dev: { Db: db.t3.micro }
    prod: { Db: db.r6g.large }
Resources:
`;
  let body = '';
  for (let i = 0; i < count; i++) body += cfnResource(i, pad);
  return head + body;
}

/** Pads a 500-resource template until it is just under `bytes`. */
export function cfnYamlOfSize(count: number, bytes: number): string {
  let pad = 0;
  let text = cfnYaml(count, pad);
  for (let next = cfnYaml(count, pad + 1); next.length <= bytes; next = cfnYaml(count, ++pad + 1)) text = next;
  return text;
}

export function samYaml(count: number): string {
  let body = '';
  for (let i = 0; i < count; i++) {
    body += i % 2 === 0
      ? `  Fn${i}:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: src/
      Policies:
        - DynamoDBReadPolicy:
            TableName: !Ref Table${i + 1}
      Events:
        Get:
          Type: Api
          Properties:
            Path: /r${i}
            Method: get
`
      : `  Table${i}:
    Type: AWS::Serverless::SimpleTable
    Properties:
      Tags:
        phi: 'true'
`;
  }
  return `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Timeout: 10
Resources:
${body}`;
}

interface PlanRes {
  address: string;
  type: string;
  name: string;
  values: Record<string, unknown>;
  /** `configuration` expressions: what the .tf source references (Terraform lists the attribute and its resource). */
  expressions: Record<string, unknown>;
}

const PLAN_KINDS = ['aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration', 'aws_db_instance', 'aws_lambda_function', 'aws_sqs_queue', 'aws_cloudwatch_log_group', 'aws_iam_role', 'aws_security_group'];

/** `{ references: [...] }` naming attribute `attribute` of resource `type.r<index>`, as `terraform show -json` writes it. */
function reference(type: string, index: number, attribute: string): { references: string[] } {
  return { references: [`${type}.r${index}.${attribute}`, `${type}.r${index}`] };
}

/**
 * Resource `i` of a plan. Each run of eight (one of every kind) sits in one module, and its resources reference
 * each other as real configurations do: the encryption configuration names its bucket, the function its role and
 * bucket, the log group its function.
 */
function planResource(i: number, module: string, count: number): PlanRes {
  const prefix = module ? `${module}.` : '';
  const type = PLAN_KINDS[i % PLAN_KINDS.length];
  const has = (index: number) => index >= 0 && index < count;
  const values: Record<string, Record<string, unknown>> = {
    aws_s3_bucket: { bucket: `records-${i}`, tags: { DataClassification: i % 3 ? 'PHI' : 'internal' }, force_destroy: false },
    aws_s3_bucket_server_side_encryption_configuration: { bucket: `records-${i - 1}`, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: null }], bucket_key_enabled: true }] },
    aws_db_instance: { identifier: `db-${i}`, engine: 'postgres', storage_encrypted: i % 2 === 0, publicly_accessible: false, backup_retention_period: 7, tags: { Owner: 'records' } },
    aws_lambda_function: { function_name: `fn-${i}`, runtime: 'python3.12', role: `arn:aws:iam::123456789012:role/role-${i + 3}`, environment: [{ variables: { BUCKET: `records-${i - 3}` } }], tracing_config: [{ mode: 'Active' }] },
    aws_sqs_queue: { name: `queue-${i}`, sqs_managed_sse_enabled: true, kms_master_key_id: null },
    aws_cloudwatch_log_group: { name: `/aws/lambda/fn-${i - 2}`, retention_in_days: 365, kms_key_id: null },
    aws_iam_role: { name: `role-${i}`, assume_role_policy: '{"Version":"2012-10-17","Statement":[]}' },
    aws_security_group: { name: `sg-${i}`, ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }] },
  };
  const expressions: Record<string, unknown> = {};
  if (type === 'aws_s3_bucket_server_side_encryption_configuration') {
    expressions.bucket = reference('aws_s3_bucket', i - 1, 'id');
    expressions.rule = [{ apply_server_side_encryption_by_default: [{ sse_algorithm: { constant_value: 'aws:kms' } }] }];
  } else if (type === 'aws_lambda_function') {
    if (has(i + 3)) expressions.role = reference('aws_iam_role', i + 3, 'arn');
    expressions.environment = [{ variables: reference('aws_s3_bucket', i - 3, 'bucket') }];
  } else if (type === 'aws_cloudwatch_log_group') {
    expressions.name = reference('aws_lambda_function', i - 2, 'function_name');
  }
  const name = `r${i}`;
  return { address: `${prefix}${type}.${name}`, type, name, values: values[type], expressions };
}

/** `terraform show -json` output (one line, as Terraform writes it) for `count` resources in a root module and three child modules. */
export function terraformPlan(count: number): string {
  const modules = ['', 'module.records', 'module.imaging', 'module.api'];
  const byModule = new Map<string, PlanRes[]>(modules.map((m) => [m, []]));
  for (let i = 0; i < count; i++) {
    const module = modules[Math.floor(i / PLAN_KINDS.length) % modules.length];
    byModule.get(module)!.push(planResource(i, module, count));
  }
  const planned = (r: PlanRes) => ({ address: r.address, mode: 'managed', type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: r.values, sensitive_values: {} });
  const configured = (r: PlanRes) => ({ address: `${r.type}.${r.name}`, mode: 'managed', type: r.type, name: r.name, provider_config_key: 'aws', expressions: r.expressions, schema_version: 0 });
  const all = [...byModule.values()].flat();
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: {
      root_module: {
        resources: byModule.get('')!.map(planned),
        child_modules: modules.slice(1).map((m) => ({ address: m, resources: byModule.get(m)!.map(planned) })),
      },
    },
    resource_changes: all.map((r) => ({ address: r.address, module_address: r.address.includes('module.') ? r.address.split('.').slice(0, 2).join('.') : undefined, mode: 'managed', type: r.type, name: r.name, change: { actions: ['create'], before: null, after: r.values, after_unknown: { id: true, arn: true }, before_sensitive: false, after_sensitive: {} } })),
    configuration: {
      root_module: {
        resources: byModule.get('')!.map(configured),
        module_calls: Object.fromEntries(modules.slice(1).map((m) => [m.split('.')[1], { source: `./modules/${m.split('.')[1]}`, module: { resources: byModule.get(m)!.map(configured) } }])),
      },
    },
  };
  return JSON.stringify(plan);
}

/** Plain-JSON twin of a YAML template (short tags written in long form). */
export function cfnJson(yamlText: string): string {
  const { yamlToJson } = require('../harness/yaml-to-json');
  return yamlToJson(yamlText);
}

/** One resource inside 100,000 lines of comments and blank lines (three runs of 33,332). */
export function commentedYaml(): string {
  const noise = '# a comment line\n\n    # an indented comment\n  \n'.repeat(8_333);
  return `${noise}AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${noise}  Db:\n    Type: AWS::RDS::DBInstance\n${noise}    Properties:\n      Engine: postgres\n`;
}

export interface Inputs {
  dir: string;
  files: Record<string, string>;
  workspace: string;
}

export function generate(dir: string): Inputs {
  fs.mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {};
  const put = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    files[name] = file;
  };
  put('cfn-10.yaml', cfnYaml(10));
  put('cfn-100.yaml', cfnYaml(100));
  put('cfn-500.yaml', cfnYaml(500));
  put('cfn-1mb.yaml', cfnYamlOfSize(500, 1_000_000));
  put('cfn-10.json', cfnJson(cfnYaml(10)));
  put('cfn-100.json', cfnJson(cfnYaml(100)));
  put('cfn-500.json', cfnJson(cfnYaml(500)));
  put('sam-100.yaml', samYaml(100));
  put('plan-100.json', terraformPlan(100));
  put('plan-1000.json', terraformPlan(1000));
  put('plan-10000.json', terraformPlan(10000));
  put('comments-100k.yaml', commentedYaml());
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  for (let i = 0; i < 500; i++) fs.writeFileSync(path.join(workspace, `stack-${String(i).padStart(3, '0')}.yaml`), cfnYaml(8 + (i % 5)));
  return { dir, files, workspace };
}

if (require.main === module) {
  const out = generate(path.resolve(process.argv[2] ?? '.bench/inputs'));
  for (const [name, file] of Object.entries(out.files)) console.log(`${name.padEnd(18)} ${fs.statSync(file).size} bytes`);
}
