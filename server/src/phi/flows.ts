// The data-flow table: which references carry data, and in which direction. A reference edge A → B (A's
// property names B) matches an entry of A's type when the property path (indices and `Fn::` segments dropped)
// starts with `path` (`*` = any one segment; '' = any property).
//   pull: B's data reaches A (A reads, consumes or restores B)
//   push: A's data reaches B (A writes, delivers or replicates to B)
//   both: either way (an API in front of a function, a state machine that reads and writes)
// `verb` reads "A <verb> B". Extend by adding rows.

export type Flow = 'pull' | 'push' | 'both';

export interface FlowRow {
  types: string[];
  path: string;
  flow: Flow;
  verb: string;
}

const row = (types: string | string[], path: string, flow: Flow, verb: string): FlowRow => ({ types: Array.isArray(types) ? types : [types], path, flow, verb });

const FUNCTIONS = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];
const STATE_MACHINES = ['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine'];

export const CFN_FLOWS: FlowRow[] = [
  // S3
  row('AWS::S3::Bucket', 'ReplicationConfiguration.Rules.Destination', 'push', 'replicates objects to'),
  row('AWS::S3::Bucket', 'NotificationConfiguration', 'push', 'sends object events to'),
  // Functions: what they read, and where their failures and logs go
  row(FUNCTIONS, 'Environment.Variables', 'pull', 'reads (Environment.Variables)'),
  row('AWS::Serverless::Function', 'Policies', 'pull', 'is granted access (Policies) to'),
  row(FUNCTIONS, 'DeadLetterConfig', 'push', 'sends failed events to'),
  row('AWS::Serverless::Function', 'DeadLetterQueue', 'push', 'sends failed events to'),
  row('AWS::Serverless::Function', 'EventInvokeConfig.DestinationConfig', 'push', 'sends invocation results to'),
  row('AWS::Serverless::Function', 'Events.*.Properties.RestApiId', 'both', 'serves requests of'),
  row('AWS::Serverless::Function', 'Events.*.Properties.ApiId', 'both', 'serves requests of'),
  row('AWS::Serverless::Function', 'Events', 'pull', 'is triggered by and reads events of'),
  row('AWS::Lambda::EventSourceMapping', 'EventSourceArn', 'pull', 'reads records from'),
  row('AWS::Lambda::EventSourceMapping', 'FunctionName', 'push', 'hands records to'),
  row('AWS::Lambda::EventSourceMapping', 'DestinationConfig', 'push', 'sends failed records to'),
  row('AWS::Lambda::EventInvokeConfig', 'DestinationConfig', 'push', 'sends invocation results to'),
  // Messaging and streams
  row('AWS::SNS::Topic', 'Subscription', 'push', 'delivers messages to'),
  row('AWS::SNS::Subscription', 'TopicArn', 'pull', 'subscribes to'),
  row('AWS::SNS::Subscription', 'Endpoint', 'push', 'delivers messages to'),
  row('AWS::SQS::Queue', 'RedrivePolicy', 'push', 'moves failed messages to'),
  row('AWS::DynamoDB::Table', 'KinesisStreamSpecification', 'push', 'streams item changes to'),
  row('AWS::Kinesis::StreamConsumer', 'StreamARN', 'pull', 'reads records from'),
  row('AWS::KinesisFirehose::DeliveryStream', 'KinesisStreamSourceConfiguration', 'pull', 'reads records from'),
  row('AWS::KinesisFirehose::DeliveryStream', 'MSKSourceConfiguration', 'pull', 'reads records from'),
  ...['ExtendedS3DestinationConfiguration', 'S3DestinationConfiguration', 'RedshiftDestinationConfiguration', 'AmazonopensearchserviceDestinationConfiguration', 'ElasticsearchDestinationConfiguration', 'SplunkDestinationConfiguration', 'HttpEndpointDestinationConfiguration', 'SnowflakeDestinationConfiguration', 'IcebergDestinationConfiguration'].map((p) => row('AWS::KinesisFirehose::DeliveryStream', p, 'push', 'delivers records to')),
  row('AWS::Events::Rule', 'Targets', 'push', 'sends matching events to'),
  row('AWS::Events::Rule', 'EventBusName', 'pull', 'matches events on'),
  row('AWS::Pipes::Pipe', 'Source', 'pull', 'reads from'),
  row('AWS::Pipes::Pipe', 'Target', 'push', 'delivers to'),
  row('AWS::Pipes::Pipe', 'Enrichment', 'both', 'enriches events through'),
  // Step Functions read and write the stores their definition names
  row(STATE_MACHINES, 'DefinitionSubstitutions', 'both', 'reads or writes'),
  row(STATE_MACHINES, 'Definition', 'both', 'reads or writes'),
  row('AWS::StepFunctions::StateMachine', 'DefinitionString', 'both', 'reads or writes'),
  row('AWS::Serverless::StateMachine', 'Policies', 'both', 'is granted access (Policies) to'),
  row(STATE_MACHINES, 'LoggingConfiguration', 'push', 'logs execution data to'),
  // Databases: replicas, cluster members, restores
  row('AWS::RDS::DBInstance', 'SourceDBInstanceIdentifier', 'pull', 'is a read replica of'),
  row('AWS::RDS::DBInstance', 'SourceDBClusterIdentifier', 'pull', 'is a read replica of'),
  row('AWS::RDS::DBInstance', 'DBClusterIdentifier', 'pull', 'is a member of'),
  row('AWS::RDS::DBInstance', 'DBSnapshotIdentifier', 'pull', 'is restored from'),
  row('AWS::RDS::DBCluster', 'SnapshotIdentifier', 'pull', 'is restored from'),
  row('AWS::RDS::DBCluster', 'SourceDBClusterIdentifier', 'pull', 'is restored from'),
  row('AWS::RDS::DBCluster', 'ReplicationSourceIdentifier', 'pull', 'is a read replica of'),
  row(['AWS::DocDB::DBInstance', 'AWS::Neptune::DBInstance'], 'DBClusterIdentifier', 'pull', 'is a member of'),
  row('AWS::DMS::ReplicationTask', 'SourceEndpointArn', 'pull', 'reads from'),
  row('AWS::DMS::ReplicationTask', 'TargetEndpointArn', 'push', 'writes to'),
  row('AWS::DMS::Endpoint', '', 'both', 'connects to'),
  // Backups
  row('AWS::Backup::BackupSelection', 'BackupSelection.Resources', 'pull', 'backs up'),
  row('AWS::Backup::BackupSelection', 'BackupPlanId', 'push', 'hands recovery points to'),
  row('AWS::Backup::BackupPlan', 'BackupPlan.BackupPlanRule', 'push', 'stores recovery points in'),
  // Analytics over buckets
  row('AWS::Glue::Crawler', 'Targets', 'pull', 'crawls'),
  row('AWS::Glue::Table', 'TableInput.StorageDescriptor', 'pull', 'describes data in'),
  row('AWS::Glue::Job', 'DefaultArguments', 'both', 'reads or writes'),
  row('AWS::Athena::WorkGroup', 'WorkGroupConfiguration.ResultConfiguration', 'push', 'writes query results to'),
  // Logs
  row('AWS::Logs::SubscriptionFilter', 'LogGroupName', 'pull', 'reads'),
  row('AWS::Logs::SubscriptionFilter', 'DestinationArn', 'push', 'forwards log events to'),
  row('AWS::Logs::LogGroup', 'LogGroupName', 'pull', 'receives the logs of'),
  // APIs in front of functions: requests and responses carry the data (and are logged by stages)
  row('AWS::ApiGateway::Method', 'Integration', 'both', 'integrates with'),
  row('AWS::ApiGateway::Method', 'RestApiId', 'both', 'is a method of'),
  row('AWS::ApiGateway::RestApi', 'Body', 'both', 'integrates with'),
  row('AWS::ApiGateway::Stage', 'RestApiId', 'pull', 'serves'),
  row('AWS::ApiGatewayV2::Integration', 'IntegrationUri', 'both', 'integrates with'),
  row('AWS::ApiGatewayV2::Integration', 'ApiId', 'both', 'is an integration of'),
  row('AWS::ApiGatewayV2::Stage', 'ApiId', 'pull', 'serves'),
  row(['AWS::Serverless::Api', 'AWS::Serverless::HttpApi'], 'DefinitionBody', 'both', 'integrates with'),
  // Containers
  row('AWS::ECS::TaskDefinition', 'ContainerDefinitions.Environment', 'pull', 'reads'),
  row('AWS::ECS::TaskDefinition', 'ContainerDefinitions.Secrets', 'pull', 'reads'),
  row('AWS::ECS::TaskDefinition', 'ContainerDefinitions.LogConfiguration', 'push', 'writes container logs to'),
  row('AWS::ECS::TaskDefinition', 'Volumes', 'pull', 'mounts'),
];

export const TERRAFORM_FLOWS: FlowRow[] = [
  row('aws_s3_bucket_replication_configuration', 'bucket', 'pull', 'replicates'),
  row('aws_s3_bucket_replication_configuration', 'rule', 'push', 'replicates objects to'),
  row('aws_s3_bucket_notification', 'bucket', 'pull', 'sends object events of'),
  ...['lambda_function', 'queue', 'topic'].map((p) => row('aws_s3_bucket_notification', p, 'push', 'sends object events to')),
  row('aws_lambda_function', 'environment', 'pull', 'reads (environment.variables)'),
  row('aws_lambda_function', 'dead_letter_config', 'push', 'sends failed events to'),
  row('aws_lambda_event_source_mapping', 'event_source_arn', 'pull', 'reads records from'),
  row('aws_lambda_event_source_mapping', 'function_name', 'push', 'hands records to'),
  row('aws_lambda_event_source_mapping', 'destination_config', 'push', 'sends failed records to'),
  row('aws_sns_topic_subscription', 'topic_arn', 'pull', 'subscribes to'),
  row('aws_sns_topic_subscription', 'endpoint', 'push', 'delivers messages to'),
  row('aws_sqs_queue', 'redrive_policy', 'push', 'moves failed messages to'),
  row('aws_dynamodb_kinesis_streaming_destination', 'table_name', 'pull', 'streams item changes of'),
  row('aws_dynamodb_kinesis_streaming_destination', 'stream_arn', 'push', 'streams item changes to'),
  row('aws_kinesis_stream_consumer', 'stream_arn', 'pull', 'reads records from'),
  row('aws_kinesis_firehose_delivery_stream', 'kinesis_source_configuration', 'pull', 'reads records from'),
  row('aws_kinesis_firehose_delivery_stream', 'msk_source_configuration', 'pull', 'reads records from'),
  ...['extended_s3_configuration', 'redshift_configuration', 'opensearch_configuration', 'elasticsearch_configuration', 'splunk_configuration', 'http_endpoint_configuration', 'snowflake_configuration', 'iceberg_configuration'].map((p) => row('aws_kinesis_firehose_delivery_stream', p, 'push', 'delivers records to')),
  row('aws_cloudwatch_event_target', 'rule', 'pull', 'receives events matched by'),
  row('aws_cloudwatch_event_target', 'arn', 'push', 'delivers events to'),
  row('aws_cloudwatch_event_target', 'dead_letter_config', 'push', 'sends failed events to'),
  row('aws_pipes_pipe', 'source', 'pull', 'reads from'),
  row('aws_pipes_pipe', 'target', 'push', 'delivers to'),
  row('aws_pipes_pipe', 'enrichment', 'both', 'enriches events through'),
  row('aws_sfn_state_machine', 'definition', 'both', 'reads or writes'),
  row('aws_sfn_state_machine', 'logging_configuration', 'push', 'logs execution data to'),
  row('aws_db_instance', 'replicate_source_db', 'pull', 'is a read replica of'),
  row('aws_db_instance', 'snapshot_identifier', 'pull', 'is restored from'),
  row('aws_rds_cluster', 'snapshot_identifier', 'pull', 'is restored from'),
  row('aws_rds_cluster', 'replication_source_identifier', 'pull', 'is a read replica of'),
  row(['aws_rds_cluster_instance', 'aws_docdb_cluster_instance', 'aws_neptune_cluster_instance'], 'cluster_identifier', 'pull', 'is a member of'),
  row('aws_db_snapshot', 'db_instance_identifier', 'pull', 'is a snapshot of'),
  row('aws_db_cluster_snapshot', 'db_cluster_identifier', 'pull', 'is a snapshot of'),
  row('aws_dms_replication_task', 'source_endpoint_arn', 'pull', 'reads from'),
  row('aws_dms_replication_task', 'target_endpoint_arn', 'push', 'writes to'),
  row('aws_dms_endpoint', '', 'both', 'connects to'),
  row('aws_backup_selection', 'resources', 'pull', 'backs up'),
  row('aws_backup_selection', 'plan_id', 'push', 'hands recovery points to'),
  row('aws_backup_plan', 'rule', 'push', 'stores recovery points in'),
  row('aws_glue_crawler', 's3_target', 'pull', 'crawls'),
  row('aws_glue_crawler', 'dynamodb_target', 'pull', 'crawls'),
  row('aws_glue_crawler', 'jdbc_target', 'pull', 'crawls'),
  row('aws_glue_catalog_table', 'storage_descriptor', 'pull', 'describes data in'),
  row('aws_glue_job', 'default_arguments', 'both', 'reads or writes'),
  row('aws_athena_workgroup', 'configuration', 'push', 'writes query results to'),
  row('aws_cloudwatch_log_subscription_filter', 'log_group_name', 'pull', 'reads'),
  row('aws_cloudwatch_log_subscription_filter', 'destination_arn', 'push', 'forwards log events to'),
  row('aws_cloudwatch_log_group', 'name', 'pull', 'receives the logs of'),
  row('aws_api_gateway_integration', 'uri', 'both', 'integrates with'),
  row('aws_api_gateway_integration', 'rest_api_id', 'both', 'is an integration of'),
  row('aws_api_gateway_stage', 'rest_api_id', 'pull', 'serves'),
  row('aws_apigatewayv2_integration', 'integration_uri', 'both', 'integrates with'),
  row('aws_apigatewayv2_integration', 'api_id', 'both', 'is an integration of'),
  row('aws_apigatewayv2_stage', 'api_id', 'pull', 'serves'),
  row('aws_ecs_task_definition', 'container_definitions', 'pull', 'reads'),
];

/** Where compute names its execution role: the role's policies decide what it can read. */
export const ROLE_PATHS: Record<string, string[]> = {
  'AWS::Lambda::Function': ['Role'],
  'AWS::Serverless::Function': ['Role'],
  'AWS::StepFunctions::StateMachine': ['RoleArn'],
  'AWS::Serverless::StateMachine': ['Role'],
  'AWS::ECS::TaskDefinition': ['TaskRoleArn'],
  'AWS::Glue::Job': ['Role'],
  'AWS::Pipes::Pipe': ['RoleArn'],
  'AWS::EC2::Instance': ['IamInstanceProfile'],
  aws_lambda_function: ['role'],
  aws_sfn_state_machine: ['role_arn'],
  aws_ecs_task_definition: ['task_role_arn'],
  aws_glue_job: ['role_arn'],
  aws_pipes_pipe: ['role_arn'],
};

/** Where policies name resources, and which roles they apply to. */
export const POLICY_HOLDERS: Record<string, { document: string[]; roles?: string }> = {
  'AWS::IAM::Role': { document: ['Policies'] },
  'AWS::IAM::Policy': { document: ['PolicyDocument'], roles: 'Roles' },
  'AWS::IAM::ManagedPolicy': { document: ['PolicyDocument'], roles: 'Roles' },
  'AWS::IAM::RolePolicy': { document: ['PolicyDocument'], roles: 'RoleName' },
  'AWS::IAM::InstanceProfile': { document: [], roles: 'Roles' },
  aws_iam_role: { document: ['inline_policy'] },
  aws_iam_role_policy: { document: ['policy'], roles: 'role' },
  aws_iam_policy: { document: ['policy'] },
  aws_iam_role_policy_attachment: { document: [], roles: 'role' },
};
