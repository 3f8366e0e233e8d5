import type { Rule } from '../kit';
import dmsReplicationNotPublic from './dms-replication-not-public';
import ec2NoPublicIp from './ec2-no-public-ip';
import emrMasterNoPublicIp from './emr-master-no-public-ip';
import rdsNotPublic from './rds-not-public';
import redshiftNotPublic from './redshift-not-public';
import s3BucketNoPublicReadWrite from './s3-bucket-no-public-read-write';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block';
import subnetNoAutoPublicIp from './subnet-no-auto-public-ip';

export const publicExposureRules: Rule[] = [
  dmsReplicationNotPublic,
  ec2NoPublicIp,
  emrMasterNoPublicIp,
  rdsNotPublic,
  redshiftNotPublic,
  s3BucketNoPublicReadWrite,
  s3BucketPublicAccessBlock,
  subnetNoAutoPublicIp,
];
