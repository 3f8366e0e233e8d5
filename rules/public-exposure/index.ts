import type { Rule } from '../kit';
import dbSnapshotsNotPublic from './db-snapshots-not-public';
import dmsReplicationNotPublic from './dms-replication-not-public';
import ec2NoPublicIp from './ec2-no-public-ip';
import emrMasterNoPublicIp from './emr-master-no-public-ip';
import lambdaNotPublic from './lambda-not-public';
import messagingAndBrokerNotPublic from './messaging-and-broker-not-public';
import opensearchInVpc from './opensearch-in-vpc';
import rdsNotPublic from './rds-not-public';
import redshiftNotPublic from './redshift-not-public';
import s3BucketNoPublicReadWrite from './s3-bucket-no-public-read-write';
import s3BucketPublicAccessBlock from './s3-bucket-public-access-block';
import sagemakerNotebookNoDirectInternet from './sagemaker-notebook-no-direct-internet';
import subnetNoAutoPublicIp from './subnet-no-auto-public-ip';

export const publicExposureRules: Rule[] = [
  dbSnapshotsNotPublic,
  dmsReplicationNotPublic,
  ec2NoPublicIp,
  emrMasterNoPublicIp,
  lambdaNotPublic,
  messagingAndBrokerNotPublic,
  opensearchInVpc,
  rdsNotPublic,
  redshiftNotPublic,
  s3BucketNoPublicReadWrite,
  s3BucketPublicAccessBlock,
  sagemakerNotebookNoDirectInternet,
  subnetNoAutoPublicIp,
];
