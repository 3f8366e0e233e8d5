import { strict as assert } from 'assert';
import { lint } from '../../server/src/engine/lint';
import { ruleWork } from '../harness/template-copies';
import { plan, type PlanResource } from '../rules/plan-builder';

// The joins between resources are indexed once per template (log destinations, flow logs, cluster members,
// invoke configs, method settings, group memberships, SAM log groups, finding spans). A template made of many
// independent copies must report, for each copy, exactly what that copy reports alone.

const COPIES = 40;

/** One copy: every logical id and name carries suffix `C<k>` / `c<k>`. */
function cfnCopy(k: number): string {
  const s = `C${k}`;
  return `  LogBucket${s}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: logs-c${k}
  DataBucket${s}:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: logs-c${k}
  OtherBucket${s}:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref DataBucket${s}
  Vpc${s}:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  FlowLog${s}:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceType: VPC
      ResourceId: !Ref Vpc${s}
      TrafficType: REJECT
  Cluster${s}:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
  Instance${s}:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: aurora-postgresql
      DBClusterIdentifier: !Ref Cluster${s}
  Fn${s}:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      CodeUri: src/
  FnLogs${s}:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub /aws/lambda/\${Fn${s}}
  Plain${s}:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Role: arn:aws:iam::111122223333:role/fn
      Code:
        ZipFile: 'def handler(e, c): return 1'
  Invoke${s}:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Plain${s}
      Qualifier: $LATEST
      DestinationConfig:
        OnFailure:
          Destination: arn:aws:sqs:us-east-1:111122223333:dlq
`;
}

const sam = (copies: number[]) => `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n${copies.map(cfnCopy).join('')}`;

function planCopy(k: number): PlanResource[] {
  const s = `c${k}`;
  return [
    { address: `aws_api_gateway_stage.stage_${s}`, values: { stage_name: `prod-${s}`, rest_api_id: `api-${s}`, cache_cluster_enabled: true } },
    {
      address: `aws_api_gateway_method_settings.all_${s}`,
      values: { stage_name: `prod-${s}`, rest_api_id: `api-${s}`, method_path: '*/*', settings: [{ caching_enabled: true, cache_data_encrypted: false, logging_level: 'OFF' }] },
      refs: { stage_name: [`aws_api_gateway_stage.stage_${s}.stage_name`, `aws_api_gateway_stage.stage_${s}`] },
    },
    { address: `aws_api_gateway_method_settings.named_${s}`, values: { stage_name: `prod-${s}`, method_path: '*/*', settings: [{ logging_level: 'ERROR' }] } },
    { address: `aws_redshift_cluster.dw_${s}`, values: { cluster_identifier: `dw-${s}` } },
    { address: `aws_redshift_logging.dw_${s}`, values: { cluster_identifier: `dw-${s}`, log_destination_type: 's3' } },
    { address: `aws_iam_user.member_${s}`, values: { name: `member-${s}` } },
    { address: `aws_iam_user.loner_${s}`, values: { name: `loner-${s}` } },
    { address: `aws_iam_group_membership.team_${s}`, values: { group: 'team', users: [`member-${s}`] } },
    { address: `aws_lambda_function.fn_${s}`, values: { function_name: `fn-${s}` } },
    { address: `aws_lambda_function_event_invoke_config.fn_${s}`, values: { function_name: `fn-${s}`, destination_config: [{ on_failure: [{ destination: 'arn:aws:sqs:us-east-1:111122223333:dlq' }] }] } },
    { address: `aws_vpc.main_${s}`, values: { cidr_block: '10.0.0.0/16' } },
    { address: `aws_flow_log.main_${s}`, values: { vpc_id: `vpc-${s}`, traffic_type: 'REJECT' }, refs: { vpc_id: [`aws_vpc.main_${s}.id`, `aws_vpc.main_${s}`] } },
  ];
}

const planText = (copies: number[]) => JSON.stringify(plan(...copies.flatMap(planCopy)), null, 2);

/** Findings as text, without spans (the copies sit at different offsets) and, in a plan, without paths (they hold the resource's index). */
function findingsOf(text: string, uri: string): string[] {
  return lint(text, uri).findings.map((f) => JSON.stringify([f.ruleId, f.messageId, f.status, f.resource, f.resource.startsWith('aws_') ? [] : f.path, f.message, f.fixes]));
}

function sameAsAlone(text: (copies: number[]) => string, uri: string, belongs: (finding: string, k: number) => boolean) {
  const all = findingsOf(text([...Array(COPIES).keys()]), uri);
  let total = 0;
  for (const k of [0, 1, 17, COPIES - 1]) {
    const alone = findingsOf(text([k]), uri);
    assert.ok(alone.length > 0, `copy ${k} alone has findings`);
    assert.deepEqual(all.filter((f) => belongs(f, k)).sort(), alone.sort(), `copy ${k}`);
  }
  for (let k = 0; k < COPIES; k++) total += all.filter((f) => belongs(f, k)).length;
  assert.equal(total, all.length, 'every finding belongs to one copy');
}

describe('many copies of a template', () => {
  it('SAM: each copy reports what it reports alone', () => {
    sameAsAlone(sam, 'file:///copies.yaml', (f, k) => (JSON.parse(f)[3] as string).endsWith(`C${k}`) || new RegExp(`C${k}(Role|LogGroup)$`).test(JSON.parse(f)[3]));
  });

  it('Terraform plan: each copy reports what it reports alone', () => {
    sameAsAlone(planText, 'file:///copies.json', (f, k) => (JSON.parse(f)[3] as string).endsWith(`_c${k}`));
  });
});

describe('rule work over many copies of a template', () => {
  for (const [name, text, uri] of [
    ['SAM', sam, 'file:///copies.yaml'],
    ['Terraform plan', planText, 'file:///copies.json'],
  ] as const) {
    it(`${name}: doubling the copies at most doubles each rule's work`, () => {
      const copies = (n: number) => text([...Array(n).keys()]);
      const small = ruleWork(copies(COPIES / 2), uri);
      const large = ruleWork(copies(COPIES), uri);
      const superlinear = [...large].filter(([id, n]) => n > 2.2 * (small.get(id) ?? 0)).map(([id, n]) => `${id}: ${small.get(id)} → ${n}`);
      assert.deepEqual(superlinear, []);
      assert.ok(large.size >= 10, `${large.size} rules did work`);
    });
  }
});
