import type { Rule } from '../kit';
import dmsReplicationNotPublic from './dms-replication-not-public';
import ec2NoPublicIp from './ec2-no-public-ip';
import emrMasterNoPublicIp from './emr-master-no-public-ip';
import lambdaNotPublic from './lambda-not-public';
import opensearchInVpc from './opensearch-in-vpc';
import rdsNotPublic from './rds-not-public';
import redshiftNotPublic from './redshift-not-public';
import s3BucketNoPublicReadWrite from './s3-bucket-no-public-read-write';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block';
import subnetNoAutoPublicIp from './subnet-no-auto-public-ip';

export const publicExposureRules: Rule[] = [
  dmsReplicationNotPublic,
  ec2NoPublicIp,
  emrMasterNoPublicIp,
  lambdaNotPublic,
  opensearchInVpc,
  rdsNotPublic,
  redshiftNotPublic,
  s3BucketNoPublicReadWrite,
  s3BucketPublicAccessBlock,
  subnetNoAutoPublicIp,
];
