import type { Rule } from '../kit';
import apiGatewayCacheEncrypted from './api-gateway-cache-encrypted';
import backupVaultKms from './backup-vault-kms';
import cloudtrailEncrypted from './cloudtrail-encrypted';
import cloudwatchLogGroupEncrypted from './cloudwatch-log-group-encrypted';
import daxEncrypted from './dax-encrypted';
import docdbNeptuneEncrypted from './docdb-neptune-encrypted';
import dynamodbTableKms from './dynamodb-table-kms';
import ebsEncryptionByDefault from './ebs-encryption-by-default';
import ebsVolumeEncrypted from './ebs-volume-encrypted';
import efsEncrypted from './efs-encrypted';
import elasticacheEncryptedAtRest from './elasticache-encrypted-at-rest';
import firehoseEncrypted from './firehose-encrypted';
import healthDataStoresCmk from './health-data-stores-cmk';
import kinesisStreamEncrypted from './kinesis-stream-encrypted';
import lambdaEnvironmentKms from './lambda-environment-kms';
import mlAndAnalyticsStoresCmk from './ml-and-analytics-stores-cmk';
import mskEncrypted from './msk-encrypted';
import opensearchEncryptedAtRest from './opensearch-encrypted-at-rest';
import rdsSnapshotEncrypted from './rds-snapshot-encrypted';
import rdsStorageEncrypted from './rds-storage-encrypted';
import redshiftClusterEncrypted from './redshift-cluster-encrypted';
import s3BucketDefaultEncryption from './s3-bucket-default-encryption';
import s3BucketDefaultEncryptionKms from './s3-bucket-default-encryption-kms';
import sagemakerKms from './sagemaker-kms';
import secretsmanagerCmk from './secretsmanager-cmk';
import snsTopicEncryptedKms from './sns-topic-encrypted-kms';
import sqsQueueEncrypted from './sqs-queue-encrypted';
import workspacesVolumesEncrypted from './workspaces-volumes-encrypted';

export const encryptionAtRestRules: Rule[] = [
  apiGatewayCacheEncrypted,
  backupVaultKms,
  cloudtrailEncrypted,
  cloudwatchLogGroupEncrypted,
  daxEncrypted,
  docdbNeptuneEncrypted,
  dynamodbTableKms,
  ebsEncryptionByDefault,
  ebsVolumeEncrypted,
  efsEncrypted,
  elasticacheEncryptedAtRest,
  firehoseEncrypted,
  healthDataStoresCmk,
  kinesisStreamEncrypted,
  lambdaEnvironmentKms,
  mlAndAnalyticsStoresCmk,
  mskEncrypted,
  opensearchEncryptedAtRest,
  rdsSnapshotEncrypted,
  rdsStorageEncrypted,
  redshiftClusterEncrypted,
  s3BucketDefaultEncryption,
  s3BucketDefaultEncryptionKms,
  sagemakerKms,
  secretsmanagerCmk,
  snsTopicEncryptedKms,
  sqsQueueEncrypted,
  workspacesVolumesEncrypted,
];
