import { plan } from '../rules/plan-builder';
import { testPhi } from './phi-tester';

const sam = (body: string) => `Transform: AWS::Serverless-2016-10-31
Resources:
  Records:
    Type: AWS::Serverless::SimpleTable
    Properties:
      Tags:
        phi: 'true'
${body}`;
const REC = 'Records@Resources.Records.Properties.Tags.phi';

testPhi('PHI propagation (SAM)', [
  {
    name: 'Globals environment reference (merged into each function) makes every function PHI, with its implicit log group',
    sam: `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        TABLE: !Ref Records
Resources:
  Records:
    Type: AWS::Serverless::SimpleTable
    Properties:
      Tags:
        phi: 'true'
  Lookup:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
`,
    expect: {
      Lookup: ['phi', REC, 'Lookup@Resources.Lookup.Properties.Environment.Variables.TABLE'],
      LookupLogGroup: ['phi', REC, 'Lookup@Resources.Lookup.Properties.Environment.Variables.TABLE', 'LookupLogGroup@Resources.Lookup'],
      LookupRole: ['no-phi', 'LookupRole@Resources.Lookup'],
    },
  },
  {
    name: 'SAM policy templates, dead-letter queue and an Api event in front of the function',
    sam: sam(`  Writer:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Records
      DeadLetterQueue:
        Type: SQS
        TargetArn: !GetAtt Dlq.Arn
      Events:
        Get:
          Type: Api
          Properties:
            RestApiId: !Ref Api
            Path: /records
            Method: get
  Dlq:
    Type: AWS::SQS::Queue
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
`),
    expect: {
      Writer: ['phi', REC, 'Writer@Resources.Writer.Properties.Policies.0.DynamoDBCrudPolicy.TableName'],
      Dlq: ['phi', REC, 'Writer@Resources.Writer.Properties.Policies.0.DynamoDBCrudPolicy.TableName', 'Dlq@Resources.Writer.Properties.DeadLetterQueue.TargetArn'],
      Api: ['phi', REC, 'Writer@Resources.Writer.Properties.Policies.0.DynamoDBCrudPolicy.TableName', 'Api@Resources.Writer.Properties.Events.Get.Properties.RestApiId'],
    },
  },
  {
    name: 'SQS and S3 events feed PHI into a function',
    sam: `Transform: AWS::Serverless-2016-10-31
Resources:
  Intake:
    Type: AWS::SQS::Queue
    Properties:
      Tags:
        - Key: DataClassification
          Value: PHI
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
      Events:
        Jobs:
          Type: SQS
          Properties:
            Queue: !GetAtt Intake.Arn
`,
    expect: { Worker: ['phi', 'Intake@Resources.Intake.Properties.Tags.0.Value', 'Worker@Resources.Worker.Properties.Events.Jobs.Properties.Queue'] },
    why: { Worker: 'is triggered by and reads events of Intake' },
  },
]);

const r = (address: string, values: Record<string, unknown>, refs?: Record<string, string[]>) => ({ address, values, refs });
const at = (address: string, index: number, attr: string) => `${address}@planned_values.root_module.resources.${index}.values.${attr}`;

testPhi('PHI propagation (Terraform plans)', [
  {
    name: 'replication configuration, notifications, function environment, log group and DLQ',
    plan: plan(
      r('aws_s3_bucket.scans', { bucket: 'scans', tags: { DataClassification: 'PHI' } }),
      r('aws_s3_bucket.replica', { bucket: 'replica' }),
      r('aws_s3_bucket_replication_configuration.scans', { bucket: 'scans', rule: [{ status: 'Enabled', destination: [{ bucket: 'arn:aws:s3:::replica' }] }] }, { bucket: ['aws_s3_bucket.scans.id', 'aws_s3_bucket.scans'], rule: ['aws_s3_bucket.replica.arn', 'aws_s3_bucket.replica'] }),
      r('aws_lambda_function.index', { function_name: 'index', environment: [{ variables: { BUCKET: 'scans' } }] }, { environment: ['aws_s3_bucket.scans.bucket', 'aws_s3_bucket.scans'], dead_letter_config: ['aws_sqs_queue.dlq.arn', 'aws_sqs_queue.dlq'] }),
      r('aws_cloudwatch_log_group.index', { name: '/aws/lambda/index' }, { name: ['aws_lambda_function.index.function_name', 'aws_lambda_function.index'] }),
      r('aws_sqs_queue.dlq', { name: 'dlq' }),
    ),
    expect: {
      'aws_s3_bucket_replication_configuration.scans': ['phi', at('aws_s3_bucket.scans', 0, 'tags.DataClassification'), at('aws_s3_bucket_replication_configuration.scans', 2, 'bucket')],
      'aws_s3_bucket.replica': ['phi', at('aws_s3_bucket.scans', 0, 'tags.DataClassification'), at('aws_s3_bucket_replication_configuration.scans', 2, 'bucket'), at('aws_s3_bucket.replica', 2, 'rule')],
      'aws_lambda_function.index': ['phi', at('aws_s3_bucket.scans', 0, 'tags.DataClassification'), at('aws_lambda_function.index', 3, 'environment')],
      'aws_cloudwatch_log_group.index': ['phi', at('aws_s3_bucket.scans', 0, 'tags.DataClassification'), at('aws_lambda_function.index', 3, 'environment'), at('aws_cloudwatch_log_group.index', 4, 'name')],
      'aws_sqs_queue.dlq': ['phi', at('aws_s3_bucket.scans', 0, 'tags.DataClassification'), at('aws_lambda_function.index', 3, 'environment'), at('aws_sqs_queue.dlq', 3, 'dead_letter_config')],
    },
  },
  {
    name: 'SNS subscription, event source mapping and backup selection → plan → vault',
    plan: plan(
      r('aws_sns_topic.results', { name: 'results', tags: { phi: 'true' } }),
      r('aws_sns_topic_subscription.q', { protocol: 'sqs' }, { topic_arn: ['aws_sns_topic.results.arn', 'aws_sns_topic.results'], endpoint: ['aws_sqs_queue.inbox.arn', 'aws_sqs_queue.inbox'] }),
      r('aws_sqs_queue.inbox', { name: 'inbox' }),
      r('aws_lambda_event_source_mapping.m', {}, { event_source_arn: ['aws_sqs_queue.inbox.arn', 'aws_sqs_queue.inbox'], function_name: ['aws_lambda_function.worker.arn', 'aws_lambda_function.worker'] }),
      r('aws_lambda_function.worker', { function_name: 'worker' }),
      r('aws_backup_selection.s', { name: 's' }, { resources: ['aws_sqs_queue.inbox.arn', 'aws_sqs_queue.inbox'], plan_id: ['aws_backup_plan.p.id', 'aws_backup_plan.p'] }),
      r('aws_backup_plan.p', { name: 'p' }, { rule: ['aws_backup_vault.v.name', 'aws_backup_vault.v'] }),
      r('aws_backup_vault.v', { name: 'v' }),
    ),
    expect: {
      'aws_sqs_queue.inbox': ['phi', at('aws_sns_topic.results', 0, 'tags.phi'), at('aws_sns_topic_subscription.q', 1, 'topic_arn'), at('aws_sqs_queue.inbox', 1, 'endpoint')],
      'aws_lambda_function.worker': ['phi', at('aws_sns_topic.results', 0, 'tags.phi'), at('aws_sns_topic_subscription.q', 1, 'topic_arn'), at('aws_sqs_queue.inbox', 1, 'endpoint'), at('aws_lambda_event_source_mapping.m', 3, 'event_source_arn'), at('aws_lambda_function.worker', 3, 'function_name')],
      'aws_backup_vault.v': ['phi', at('aws_sns_topic.results', 0, 'tags.phi'), at('aws_sns_topic_subscription.q', 1, 'topic_arn'), at('aws_sqs_queue.inbox', 1, 'endpoint'), at('aws_backup_selection.s', 5, 'resources'), at('aws_backup_plan.p', 5, 'plan_id'), at('aws_backup_vault.v', 6, 'rule')],
    },
  },
  {
    name: 'execution role with an attached policy naming a PHI table; KMS key protecting it',
    plan: plan(
      r('aws_dynamodb_table.visits', { name: 'visits', tags: { DataClassification: 'ePHI' } }, { server_side_encryption: ['aws_kms_key.phi.arn', 'aws_kms_key.phi'] }),
      r('aws_kms_key.phi', { description: 'phi' }),
      r('aws_iam_role.worker', { name: 'worker' }),
      r('aws_iam_policy.read', { name: 'read' }, { policy: ['aws_dynamodb_table.visits.arn', 'aws_dynamodb_table.visits'] }),
      r('aws_iam_role_policy_attachment.read', {}, { role: ['aws_iam_role.worker.name', 'aws_iam_role.worker'], policy_arn: ['aws_iam_policy.read.arn', 'aws_iam_policy.read'] }),
      r('aws_lambda_function.report', { function_name: 'report' }, { role: ['aws_iam_role.worker.arn', 'aws_iam_role.worker'] }),
    ),
    expect: {
      'aws_lambda_function.report': ['phi', at('aws_dynamodb_table.visits', 0, 'tags.DataClassification'), at('aws_lambda_function.report', 5, 'role')],
      'aws_kms_key.phi': ['phi', at('aws_dynamodb_table.visits', 0, 'tags.DataClassification'), at('aws_kms_key.phi', 0, 'server_side_encryption')],
      'aws_iam_role.worker': ['no-phi', 'aws_iam_role.worker@planned_values.root_module.resources.2'],
    },
    protectsPhi: ['aws_kms_key.phi'],
  },
  {
    name: 'KMS key named by the separate encryption configuration of a PHI bucket (AWS provider v4+)',
    plan: plan(
      r('aws_s3_bucket.scans', { bucket: 'scans', tags: { DataClassification: 'PHI' } }),
      r('aws_kms_key.scans', { description: 'scans' }),
      r(
        'aws_s3_bucket_server_side_encryption_configuration.scans',
        { bucket: 'scans', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] },
        { bucket: ['aws_s3_bucket.scans.id', 'aws_s3_bucket.scans'], rule: ['aws_kms_key.scans.arn', 'aws_kms_key.scans'] },
      ),
      r('aws_kms_key.other', { description: 'other' }),
      r('aws_s3_bucket.public', { bucket: 'public', tags: { DataClassification: 'public' } }),
      r('aws_s3_bucket_server_side_encryption_configuration.public', { bucket: 'public' }, { bucket: ['aws_s3_bucket.public.id', 'aws_s3_bucket.public'], rule: ['aws_kms_key.other.arn', 'aws_kms_key.other'] }),
    ),
    expect: {
      'aws_kms_key.scans': ['phi', at('aws_s3_bucket.scans', 0, 'tags.DataClassification'), at('aws_kms_key.scans', 2, 'rule')],
      'aws_kms_key.other': ['no-phi', 'aws_kms_key.other@planned_values.root_module.resources.3'],
    },
    why: { 'aws_kms_key.scans': 'encrypts aws_s3_bucket.scans (through aws_s3_bucket_server_side_encryption_configuration.scans)' },
    protectsPhi: ['aws_kms_key.scans'],
  },
]);

const SRC_TAG = at('aws_s3_bucket.src', 0, 'tags.DataClassification');
const src = r('aws_s3_bucket.src', { bucket: 'src', tags: { DataClassification: 'PHI' } });

testPhi('PHI propagation (Terraform plans, more edges)', [
  {
    name: 'Firehose from a PHI stream to a bucket; EventBridge target; Step Functions',
    plan: plan(
      r('aws_kinesis_stream.events', { name: 'events', tags: { PHI: 'true' } }),
      r('aws_kinesis_firehose_delivery_stream.d', { name: 'd' }, { kinesis_source_configuration: ['aws_kinesis_stream.events.arn', 'aws_kinesis_stream.events'], extended_s3_configuration: ['aws_s3_bucket.lake.arn', 'aws_s3_bucket.lake'] }),
      r('aws_s3_bucket.lake', { bucket: 'lake' }),
      r('aws_cloudwatch_event_target.t', { target_id: 't' }, { rule: ['aws_cloudwatch_event_rule.r.name', 'aws_cloudwatch_event_rule.r'], arn: ['aws_sqs_queue.q.arn', 'aws_sqs_queue.q'] }),
      r('aws_cloudwatch_event_rule.r', { name: 'r', tags: { PHI: 'true' } }),
      r('aws_sqs_queue.q', { name: 'q' }),
      r('aws_sfn_state_machine.m', { name: 'm' }, { definition: ['aws_s3_bucket.lake.arn', 'aws_s3_bucket.lake', 'aws_dynamodb_table.out.arn', 'aws_dynamodb_table.out'] }),
      r('aws_dynamodb_table.out', { name: 'out' }),
    ),
    expect: {
      'aws_s3_bucket.lake': ['phi', at('aws_kinesis_stream.events', 0, 'tags.PHI'), at('aws_kinesis_firehose_delivery_stream.d', 1, 'kinesis_source_configuration'), at('aws_s3_bucket.lake', 1, 'extended_s3_configuration')],
      'aws_sqs_queue.q': ['phi', at('aws_cloudwatch_event_rule.r', 4, 'tags.PHI'), at('aws_cloudwatch_event_target.t', 3, 'rule'), at('aws_sqs_queue.q', 3, 'arn')],
      'aws_dynamodb_table.out': ['phi', at('aws_kinesis_stream.events', 0, 'tags.PHI'), at('aws_kinesis_firehose_delivery_stream.d', 1, 'kinesis_source_configuration'), at('aws_s3_bucket.lake', 1, 'extended_s3_configuration'), at('aws_sfn_state_machine.m', 6, 'definition'), at('aws_dynamodb_table.out', 6, 'definition')],
    },
  },
  {
    name: 'read replica, cluster member, DMS, Glue, Athena results and log subscription',
    plan: plan(
      src,
      r('aws_db_instance.primary', { identifier: 'primary', tags: { DataClassification: 'PHI' } }),
      r('aws_db_instance.replica', { identifier: 'replica' }, { replicate_source_db: ['aws_db_instance.primary.identifier', 'aws_db_instance.primary'] }),
      r('aws_rds_cluster.c', { cluster_identifier: 'c', tags: { DataClassification: 'PHI' } }),
      r('aws_rds_cluster_instance.m', { identifier: 'm' }, { cluster_identifier: ['aws_rds_cluster.c.id', 'aws_rds_cluster.c'] }),
      r('aws_dms_endpoint.source', { endpoint_id: 'source' }, { server_name: ['aws_db_instance.primary.address', 'aws_db_instance.primary'] }),
      r('aws_dms_replication_task.t', { replication_task_id: 't' }, { source_endpoint_arn: ['aws_dms_endpoint.source.endpoint_arn', 'aws_dms_endpoint.source'], target_endpoint_arn: ['aws_dms_endpoint.target.endpoint_arn', 'aws_dms_endpoint.target'] }),
      r('aws_dms_endpoint.target', { endpoint_id: 'target' }),
      r('aws_glue_crawler.c', { name: 'c' }, { s3_target: ['aws_s3_bucket.src.bucket', 'aws_s3_bucket.src'] }),
      r('aws_athena_workgroup.w', { name: 'w', tags: { PHI: 'true' } }, { configuration: ['aws_s3_bucket.results.bucket', 'aws_s3_bucket.results'] }),
      r('aws_s3_bucket.results', { bucket: 'results' }),
      r('aws_cloudwatch_log_group.app', { name: 'app', tags: { PHI: 'true' } }),
      r('aws_cloudwatch_log_subscription_filter.f', { name: 'f' }, { log_group_name: ['aws_cloudwatch_log_group.app.name', 'aws_cloudwatch_log_group.app'], destination_arn: ['aws_kinesis_stream.archive.arn', 'aws_kinesis_stream.archive'] }),
      r('aws_kinesis_stream.archive', { name: 'archive' }),
    ),
    expect: {
      'aws_db_instance.replica': ['phi', at('aws_db_instance.primary', 1, 'tags.DataClassification'), at('aws_db_instance.replica', 2, 'replicate_source_db')],
      'aws_rds_cluster_instance.m': ['phi', at('aws_rds_cluster.c', 3, 'tags.DataClassification'), at('aws_rds_cluster_instance.m', 4, 'cluster_identifier')],
      'aws_dms_endpoint.target': ['phi', at('aws_db_instance.primary', 1, 'tags.DataClassification'), at('aws_dms_endpoint.source', 5, 'server_name'), at('aws_dms_replication_task.t', 6, 'source_endpoint_arn'), at('aws_dms_endpoint.target', 6, 'target_endpoint_arn')],
      'aws_glue_crawler.c': ['phi', SRC_TAG, at('aws_glue_crawler.c', 8, 's3_target')],
      'aws_s3_bucket.results': ['phi', at('aws_athena_workgroup.w', 9, 'tags.PHI'), at('aws_s3_bucket.results', 9, 'configuration')],
      'aws_kinesis_stream.archive': ['phi', at('aws_cloudwatch_log_group.app', 11, 'tags.PHI'), at('aws_cloudwatch_log_subscription_filter.f', 12, 'log_group_name'), at('aws_kinesis_stream.archive', 12, 'destination_arn')],
    },
  },
  {
    name: 'API Gateway integration in front of a PHI-processing function, and its stage',
    plan: plan(
      src,
      r('aws_lambda_function.h', { function_name: 'h' }, { environment: ['aws_s3_bucket.src.bucket', 'aws_s3_bucket.src'] }),
      r('aws_api_gateway_integration.i', { type: 'AWS_PROXY' }, { uri: ['aws_lambda_function.h.invoke_arn', 'aws_lambda_function.h'], rest_api_id: ['aws_api_gateway_rest_api.api.id', 'aws_api_gateway_rest_api.api'] }),
      r('aws_api_gateway_rest_api.api', { name: 'api' }),
      r('aws_api_gateway_stage.prod', { stage_name: 'prod' }, { rest_api_id: ['aws_api_gateway_rest_api.api.id', 'aws_api_gateway_rest_api.api'] }),
    ),
    expect: {
      'aws_api_gateway_stage.prod': ['phi', SRC_TAG, at('aws_lambda_function.h', 1, 'environment'), at('aws_api_gateway_integration.i', 2, 'uri'), at('aws_api_gateway_rest_api.api', 2, 'rest_api_id'), at('aws_api_gateway_stage.prod', 4, 'rest_api_id')],
    },
  },
]);
