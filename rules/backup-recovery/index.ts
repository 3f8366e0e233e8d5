import type { Rule } from '../kit';
import availabilityMultiAz from './availability-multi-az';
import backupPlanFrequencyRetention from './backup-plan-frequency-retention';
import backupVaultDeletionProtection from './backup-vault-deletion-protection';
import dbAutomatedBackups from './db-automated-backups';
import deletionProtection from './deletion-protection';
import dynamodbPitr from './dynamodb-pitr';
import lambdaFailureHandling from './lambda-failure-handling';
import phiStoreRetainOnDelete from './phi-store-retain-on-delete';
import resourceInBackupPlan from './resource-in-backup-plan';
import s3BucketReplication from './s3-bucket-replication';
import s3BucketVersioning from './s3-bucket-versioning';
import s3LifecycleAndNotifications from './s3-lifecycle-and-notifications';
import s3ObjectLock from './s3-object-lock';

export const backupRecoveryRules: Rule[] = [
  availabilityMultiAz,
  backupPlanFrequencyRetention,
  backupVaultDeletionProtection,
  dbAutomatedBackups,
  deletionProtection,
  dynamodbPitr,
  lambdaFailureHandling,
  phiStoreRetainOnDelete,
  resourceInBackupPlan,
  s3BucketReplication,
  s3BucketVersioning,
  s3LifecycleAndNotifications,
  s3ObjectLock,
];
