// Which resource types can hold or carry customer data. Data, not logic: extend the lists, not the code.
// Subnet groups are left unclassified on purpose: they stand for the databases placed in them.
// `store` keeps data at rest, `carrier` moves or processes it (and may log it), `no-data` never holds customer
// content (its configuration is metadata), `key` encrypts others. A type in none of the lists is unknown.

export type DataClass = 'store' | 'carrier' | 'no-data' | 'key';

const CFN_STORES = [
  'AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable', 'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster', 'AWS::RDS::DBClusterSnapshot', 'AWS::RDS::DBSnapshot', 'AWS::Redshift::Cluster', 'AWS::RedshiftServerless::Namespace',
  'AWS::DocDB::DBCluster', 'AWS::DocDB::DBInstance', 'AWS::Neptune::DBCluster', 'AWS::Neptune::DBInstance', 'AWS::DAX::Cluster',
  'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ServerlessCache', 'AWS::MemoryDB::Cluster',
  'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain', 'AWS::EFS::FileSystem', 'AWS::FSx::FileSystem', 'AWS::EC2::Volume',
  'AWS::Logs::LogGroup', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::Kinesis::Stream', 'AWS::KinesisFirehose::DeliveryStream',
  'AWS::MSK::Cluster', 'AWS::AmazonMQ::Broker', 'AWS::Backup::BackupVault', 'AWS::SecretsManager::Secret', 'AWS::SSM::Parameter',
  'AWS::Glue::Table', 'AWS::Glue::Database', 'AWS::Athena::WorkGroup', 'AWS::CloudTrail::Trail', 'AWS::Timestream::Table',
  'AWS::QLDB::Ledger', 'AWS::Keyspaces::Table', 'AWS::HealthLake::FHIRDatastore', 'AWS::HealthImaging::Datastore', 'AWS::Omics::SequenceStore',
  'AWS::Omics::ReferenceStore', 'AWS::Omics::VariantStore', 'AWS::Omics::AnnotationStore', 'AWS::SageMaker::NotebookInstance',
  'AWS::SageMaker::Domain', 'AWS::SageMaker::FeatureGroup', 'AWS::ECR::Repository', 'AWS::CodeCommit::Repository', 'AWS::WorkSpaces::Workspace',
  'AWS::Cognito::UserPool', 'AWS::ApiGateway::Stage', 'AWS::Events::Archive', 'AWS::Events::EventBus', 'AWS::Lex::Bot',
  'AWS::Transfer::Server', 'AWS::DataSync::Task', 'AWS::Bedrock::KnowledgeBase', 'AWS::Kendra::Index', 'AWS::AppSync::GraphQLApi',
  'AWS::EMR::Cluster', 'AWS::IoT::TopicRule', 'AWS::DMS::ReplicationInstance',
];

const CFN_CARRIERS = [
  'AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine',
  'AWS::Lambda::EventSourceMapping', 'AWS::SNS::Subscription', 'AWS::Events::Rule', 'AWS::Pipes::Pipe', 'AWS::Logs::SubscriptionFilter',
  'AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Deployment', 'AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Stage',
  'AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::Serverless::GraphQLApi', 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::CloudFront::Distribution', 'AWS::ECS::TaskDefinition', 'AWS::ECS::Service',
  'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::Batch::JobDefinition',
  'AWS::Glue::Job', 'AWS::Glue::Crawler', 'AWS::DMS::ReplicationTask', 'AWS::DMS::Endpoint', 'AWS::Backup::BackupPlan',
  'AWS::Backup::BackupSelection', 'AWS::AppFlow::Flow', 'AWS::SageMaker::Endpoint', 'AWS::SageMaker::Model', 'AWS::EKS::Cluster',
  'AWS::ElasticBeanstalk::Environment', 'AWS::Kinesis::StreamConsumer', 'AWS::KinesisAnalyticsV2::Application',
];

const CFN_KEYS = ['AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::KMS::ReplicaKey'];

/** Namespaces whose resources are configuration only (identity, deployment, networking, monitoring). */
const CFN_NO_DATA_NAMESPACES = ['AWS::IAM::', 'AWS::CloudFormation::', 'AWS::Serverless::Application', 'AWS::Serverless::LayerVersion', 'AWS::Lambda::Permission', 'AWS::Lambda::LayerVersion', 'AWS::Lambda::Version', 'AWS::Lambda::Alias', 'AWS::CloudWatch::', 'AWS::Route53::', 'AWS::CertificateManager::', 'AWS::WAFv2::', 'AWS::Config::', 'AWS::GuardDuty::', 'AWS::SecurityHub::', 'AWS::Budgets::', 'AWS::SSO::', 'AWS::Organizations::', 'AWS::ApplicationAutoScaling::', 'AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy', 'AWS::SecretsManager::RotationSchedule', 'AWS::SecretsManager::ResourcePolicy', 'AWS::ApiGateway::Resource', 'AWS::ApiGateway::Account', 'AWS::ApiGateway::DomainName', 'AWS::ApiGateway::BasePathMapping', 'AWS::ApiGateway::Authorizer', 'AWS::ApiGateway::ClientCertificate', 'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::DomainName', 'AWS::ECS::Cluster', 'AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::OptionGroup', 'AWS::Redshift::ClusterParameterGroup', 'AWS::ElastiCache::ParameterGroup', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress', 'AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::RouteTable', 'AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::InternetGateway', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::NatGateway', 'AWS::EC2::EIP', 'AWS::EC2::FlowLog', 'AWS::EC2::VPCEndpoint', 'AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation', 'AWS::EC2::EBSEncryptionByDefault', 'AWS::Logs::MetricFilter', 'AWS::Logs::ResourcePolicy', 'AWS::Events::Connection', 'AWS::CodeDeploy::', 'AWS::CodePipeline::', 'AWS::CodeBuild::', 'AWS::SSM::Document', 'AWS::SSM::Association', 'AWS::SSM::MaintenanceWindow', 'AWS::Backup::BackupVaultLockConfiguration', 'AWS::SageMaker::NotebookInstanceLifecycleConfig', 'AWS::Glue::SecurityConfiguration', 'AWS::EMR::SecurityConfiguration', 'AWS::Cognito::UserPoolClient', 'AWS::Cognito::UserPoolDomain', 'AWS::StepFunctions::Activity'];

const TF_STORES = [
  'aws_s3_bucket', 'aws_dynamodb_table', 'aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_db_snapshot',
  'aws_db_cluster_snapshot', 'aws_redshift_cluster', 'aws_redshiftserverless_namespace', 'aws_docdb_cluster', 'aws_docdb_cluster_instance',
  'aws_neptune_cluster', 'aws_neptune_cluster_instance', 'aws_dax_cluster', 'aws_elasticache_replication_group', 'aws_elasticache_cluster',
  'aws_elasticache_serverless_cache', 'aws_memorydb_cluster', 'aws_opensearch_domain', 'aws_elasticsearch_domain', 'aws_efs_file_system',
  'aws_ebs_volume', 'aws_cloudwatch_log_group', 'aws_sqs_queue', 'aws_sns_topic', 'aws_kinesis_stream', 'aws_kinesis_firehose_delivery_stream',
  'aws_msk_cluster', 'aws_mq_broker', 'aws_backup_vault', 'aws_secretsmanager_secret', 'aws_ssm_parameter', 'aws_glue_catalog_table',
  'aws_glue_catalog_database', 'aws_athena_workgroup', 'aws_cloudtrail', 'aws_timestreamwrite_table', 'aws_qldb_ledger', 'aws_keyspaces_table',
  'aws_healthlake_fhir_datastore', 'aws_sagemaker_notebook_instance', 'aws_sagemaker_domain', 'aws_sagemaker_feature_group', 'aws_ecr_repository',
  'aws_workspaces_workspace', 'aws_cognito_user_pool', 'aws_api_gateway_stage', 'aws_cloudwatch_event_archive', 'aws_cloudwatch_event_bus',
  'aws_transfer_server', 'aws_emr_cluster', 'aws_dms_replication_instance', 'aws_fsx_lustre_file_system', 'aws_fsx_windows_file_system',
];

const TF_CARRIERS = [
  'aws_lambda_function', 'aws_sfn_state_machine', 'aws_lambda_event_source_mapping', 'aws_sns_topic_subscription', 'aws_cloudwatch_event_rule',
  'aws_cloudwatch_event_target', 'aws_pipes_pipe', 'aws_cloudwatch_log_subscription_filter', 'aws_api_gateway_rest_api', 'aws_api_gateway_integration',
  'aws_apigatewayv2_api', 'aws_apigatewayv2_integration', 'aws_apigatewayv2_stage', 'aws_lb', 'aws_alb', 'aws_elb', 'aws_cloudfront_distribution',
  'aws_ecs_task_definition', 'aws_ecs_service', 'aws_instance', 'aws_launch_template', 'aws_batch_job_definition', 'aws_glue_job', 'aws_glue_crawler',
  'aws_dms_replication_task', 'aws_dms_endpoint', 'aws_backup_plan', 'aws_backup_selection', 'aws_sagemaker_endpoint', 'aws_sagemaker_model',
  'aws_eks_cluster', 'aws_elastic_beanstalk_environment', 'aws_s3_bucket_replication_configuration', 'aws_s3_bucket_notification',
];

const TF_KEYS = ['aws_kms_key', 'aws_kms_alias', 'aws_kms_replica_key'];

/** Terraform types that only configure (IAM, networking, monitoring, and the split S3 settings resources). */
const TF_NO_DATA_PREFIXES = ['aws_iam_', 'aws_security_group', 'aws_vpc', 'aws_subnet', 'aws_route', 'aws_internet_gateway', 'aws_nat_gateway', 'aws_eip', 'aws_network_acl', 'aws_flow_log', 'aws_cloudwatch_metric_alarm', 'aws_cloudwatch_log_metric_filter', 'aws_cloudwatch_dashboard', 'aws_lambda_permission', 'aws_lambda_layer_version', 'aws_lambda_alias', 'aws_acm_', 'aws_wafv2_', 'aws_config_', 'aws_guardduty_', 'aws_securityhub_', 'aws_db_parameter_group', 'aws_rds_cluster_parameter_group', 'aws_db_option_group', 'aws_elasticache_parameter_group', 'aws_redshift_parameter_group', 'aws_lb_listener', 'aws_lb_target_group', 'aws_alb_listener', 'aws_alb_target_group', 'aws_s3_bucket_policy', 'aws_s3_bucket_public_access_block', 'aws_s3_bucket_versioning', 'aws_s3_bucket_server_side_encryption_configuration', 'aws_s3_bucket_logging', 'aws_s3_bucket_acl', 'aws_s3_bucket_ownership_controls', 'aws_s3_bucket_lifecycle_configuration', 'aws_s3_bucket_object_lock_configuration', 'aws_sqs_queue_policy', 'aws_sns_topic_policy', 'aws_secretsmanager_secret_rotation', 'aws_secretsmanager_secret_version', 'aws_api_gateway_deployment', 'aws_api_gateway_resource', 'aws_api_gateway_method', 'aws_api_gateway_account', 'aws_api_gateway_domain_name', 'aws_ecs_cluster', 'aws_route53_', 'aws_ebs_encryption_by_default', 'aws_backup_vault_lock_configuration', 'aws_ssm_document', 'aws_ssm_association', 'aws_cognito_user_pool_client', 'aws_cognito_user_pool_domain', 'aws_redshift_logging', 'aws_default_security_group', 'aws_default_vpc', 'aws_default_subnet', 'aws_default_route_table', 'aws_main_route_table_association', 'aws_vpc_endpoint', 'aws_organizations_', 'aws_budgets_', 'aws_cloudformation_'];

const STORE = new Set([...CFN_STORES, ...TF_STORES]);
const CARRIER = new Set([...CFN_CARRIERS, ...TF_CARRIERS]);
const KEY = new Set([...CFN_KEYS, ...TF_KEYS]);

export function dataClassOf(type: string): DataClass | undefined {
  if (STORE.has(type)) return 'store';
  if (CARRIER.has(type)) return 'carrier';
  if (KEY.has(type)) return 'key';
  if (type.startsWith('AWS::')) return CFN_NO_DATA_NAMESPACES.some((p) => type === p || (p.endsWith('::') && type.startsWith(p))) ? 'no-data' : undefined;
  if (type.startsWith('aws_')) return TF_NO_DATA_PREFIXES.some((p) => type.startsWith(p)) ? 'no-data' : undefined;
  return undefined;
}

/** Can hold or move customer data (what mode `all` treats as PHI). */
export function carriesData(type: string): boolean {
  const c = dataClassOf(type);
  return c === 'store' || c === 'carrier';
}
