import type { Rule } from '../kit';
import apiGatewayLogging from './api-gateway-logging';
import cloudtrailCloudwatchLogs from './cloudtrail-cloudwatch-logs';
import cloudtrailLogFileValidation from './cloudtrail-log-file-validation';
import cloudtrailMultiRegionLogging from './cloudtrail-multi-region-logging';
import cloudtrailS3DataEvents from './cloudtrail-s3-data-events';
import cloudwatchLogRetention from './cloudwatch-log-retention';
import databaseLogExports from './database-log-exports';
import elbAccessLogging from './elb-access-logging';
import guarddutySecurityhubEnabled from './guardduty-securityhub-enabled';
import monitoringAndAlarms from './monitoring-and-alarms';
import noPhiPayloadsInLogs from './no-phi-payloads-in-logs';
import opensearchLogs from './opensearch-logs';
import redshiftAuditLogging from './redshift-audit-logging';
import s3BucketAccessLogging from './s3-bucket-access-logging';
import vpcFlowLogs from './vpc-flow-logs';
import wafv2Logging from './wafv2-logging';

export const auditLoggingRules: Rule[] = [
  apiGatewayLogging,
  cloudtrailCloudwatchLogs,
  cloudtrailLogFileValidation,
  cloudtrailMultiRegionLogging,
  cloudtrailS3DataEvents,
  cloudwatchLogRetention,
  databaseLogExports,
  elbAccessLogging,
  guarddutySecurityhubEnabled,
  monitoringAndAlarms,
  noPhiPayloadsInLogs,
  opensearchLogs,
  redshiftAuditLogging,
  s3BucketAccessLogging,
  vpcFlowLogs,
  wafv2Logging,
];
