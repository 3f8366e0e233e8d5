import type { Rule } from '../kit';
import apiGatewayCacheEncrypted from './api-gateway-cache-encrypted';
import backupVaultKms from './backup-vault-kms';
import cloudtrailEncrypted from './cloudtrail-encrypted';
import cloudwatchLogGroupEncrypted from './cloudwatch-log-group-encrypted';
import daxEncrypted from './dax-encrypted';
import docdbNeptuneEncrypted from './docdb-neptune-encrypted';
import elasticacheEncryptedAtRest from './elasticache-encrypted-at-rest';
import healthDataStoresCmk from './health-data-stores-cmk';
import lambdaEnvironmentKms from './lambda-environment-kms';
import mlAndAnalyticsStoresCmk from './ml-and-analytics-stores-cmk';
import mskEncrypted from './msk-encrypted';
import rdsStorageEncrypted from './rds-storage-encrypted';
import s3BucketDefaultEncryption from './s3-bucket-default-encryption';
import secretsmanagerCmk from './secretsmanager-cmk';
import workspacesVolumesEncrypted from './workspaces-volumes-encrypted';

export const encryptionAtRestRules: Rule[] = [
  apiGatewayCacheEncrypted,
  backupVaultKms,
  cloudtrailEncrypted,
  cloudwatchLogGroupEncrypted,
  daxEncrypted,
  docdbNeptuneEncrypted,
  elasticacheEncryptedAtRest,
  healthDataStoresCmk,
  lambdaEnvironmentKms,
  mlAndAnalyticsStoresCmk,
  mskEncrypted,
  rdsStorageEncrypted,
  s3BucketDefaultEncryption,
  secretsmanagerCmk,
  workspacesVolumesEncrypted,
];
