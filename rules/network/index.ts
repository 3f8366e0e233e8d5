import type { Rule } from '../kit';
import noUnrestrictedRouteToIgw from './no-unrestricted-route-to-igw';
import sgNoUnrestrictedAdminPorts from './sg-no-unrestricted-admin-ports';
import vpcDefaultSgClosed from './vpc-default-sg-closed';
import wafOnPublicEntryPoints from './waf-on-public-entry-points';
import workloadsInVpc from './workloads-in-vpc';

export const networkRules: Rule[] = [
  noUnrestrictedRouteToIgw,
  sgNoUnrestrictedAdminPorts,
  vpcDefaultSgClosed,
  wafOnPublicEntryPoints,
  workloadsInVpc,
];
