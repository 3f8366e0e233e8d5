import type { Rule } from '../kit';
import albHttpToHttpsRedirect from './alb-http-to-https-redirect';
import apiGatewayBackendClientCertificate from './api-gateway-backend-client-certificate';
import apiGatewayDomainTls12 from './api-gateway-domain-tls12';
import clbHttpsListenersOnly from './clb-https-listeners-only';
import cloudfrontHttpsOnly from './cloudfront-https-only';
import daxDocdbInTransit from './dax-docdb-in-transit';
import efsInTransit from './efs-in-transit';
import elasticacheInTransit from './elasticache-in-transit';
import elbAcmCertificate from './elb-acm-certificate';
import elbListenerTlsPolicy from './elb-listener-tls-policy';
import messagingTransportTls from './messaging-transport-tls';
import opensearchHttpsAndNodeToNode from './opensearch-https-and-node-to-node';
import rdsRequireTls from './rds-require-tls';
import redshiftRequireTls from './redshift-require-tls';
import s3BucketSslRequestsOnly from './s3-bucket-ssl-requests-only';

export const encryptionInTransitRules: Rule[] = [
  albHttpToHttpsRedirect,
  apiGatewayBackendClientCertificate,
  apiGatewayDomainTls12,
  clbHttpsListenersOnly,
  cloudfrontHttpsOnly,
  daxDocdbInTransit,
  efsInTransit,
  elasticacheInTransit,
  elbAcmCertificate,
  elbListenerTlsPolicy,
  messagingTransportTls,
  opensearchHttpsAndNodeToNode,
  rdsRequireTls,
  redshiftRequireTls,
  s3BucketSslRequestsOnly,
];
