import type { Rule } from '../kit';
import cloudtrailEncrypted from './cloudtrail-encrypted';
import cloudwatchLogGroupEncrypted from './cloudwatch-log-group-encrypted';
import rdsStorageEncrypted from './rds-storage-encrypted';
import s3BucketDefaultEncryption from './s3-bucket-default-encryption';
import secretsmanagerCmk from './secretsmanager-cmk';

export const encryptionAtRestRules: Rule[] = [
  cloudtrailEncrypted,
  cloudwatchLogGroupEncrypted,
  rdsStorageEncrypted,
  s3BucketDefaultEncryption,
  secretsmanagerCmk,
];
