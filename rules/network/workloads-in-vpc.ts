import { defineRule, expect, isTrue, setFix, type FixIntent, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, isTerraform, itemCount, possible, targetPath } from '../kit';

/** Data stores reachable only inside a VPC (OpenSearch only when it has VPC options). */
const VPC_STORES = new Set([
  'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::RDS::DBProxy', 'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ServerlessCache', 'AWS::MemoryDB::Cluster', 'AWS::Redshift::Cluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster',
  'AWS::DAX::Cluster', 'AWS::EFS::FileSystem', 'AWS::EFS::MountTarget', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain',
  'aws_db_instance', 'aws_rds_cluster', 'aws_db_proxy', 'aws_elasticache_replication_group', 'aws_elasticache_cluster', 'aws_elasticache_serverless_cache',
  'aws_memorydb_cluster', 'aws_redshift_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_dax_cluster', 'aws_efs_file_system', 'aws_efs_mount_target',
  'aws_opensearch_domain', 'aws_elasticsearch_domain',
]);
const SEARCH_DOMAINS = new Set(['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain', 'aws_opensearch_domain', 'aws_elasticsearch_domain']);
/** Attributes that are a connection target (endpoint, address, port), as opposed to an ARN or name used with an AWS API. */
const CONNECTION_ATTRIBUTE = /endpoint|address|port|dns/i;

export default defineRule({
  id: 'workloads-in-vpc',
  title: 'Compute that handles PHI runs outside a VPC',
  category: 'network',
  severity: 'warning',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)', '164.312(e)(1)'],
  controls: ['workloads-in-vpc'],
  appliesTo: {
    cloudformation: ['AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::EC2::Instance', 'AWS::Redshift::Cluster'],
    terraform: ['aws_lambda_function', 'aws_redshift_cluster'],
  },
  responsibility: {
    aws: 'AWS provides VPCs, subnets, security groups and VPC endpoints; Lambda functions outside a VPC still reach AWS APIs over TLS.',
    customer: 'Place compute that connects to VPC-only data stores inside the VPC, launch instances into chosen private subnets, and keep Redshift COPY/UNLOAD traffic on the VPC with enhanced VPC routing.',
  },
  messages: {
    functionOutsideVpc: 'Function {resource} connects to {store} ({attribute}) but has no VpcConfig, so the connection leaves the VPC; attach the function to private subnets.',
    instanceDefaultSubnet: 'Instance {resource} names no subnet, so it launches in the default VPC\'s default subnet, which gives it a public IP address.',
    enhancedRoutingOff: 'Redshift cluster {resource} sends COPY and UNLOAD traffic over the internet (EnhancedVpcRouting is not true).',
    unknown: 'Network placement of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    functionOutsideVpc: 'Function {resource} connects to {store} ({attribute}) but has no vpc_config, so the connection leaves the VPC; attach the function to private subnets.',
    enhancedRoutingOff: 'Redshift cluster {resource} sends COPY and UNLOAD traffic over the internet (enhanced_vpc_routing is not true).',
  },
  limits: 'A function is judged by the connection endpoints passed in its environment; connections built at run time from other configuration are not visible.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    switch (resource.type) {
      case 'AWS::Redshift::Cluster':
      case 'aws_redshift_cluster': {
        const path = tf ? 'enhanced_vpc_routing' : 'EnhancedVpcRouting';
        return expect(ctx, resource, path, isTrue, { messageId: 'enhancedRoutingOff', fixes: setFix(resource, path, true, 'Route COPY and UNLOAD traffic through the VPC', { safe: false, consequence: 'restarts the cluster' }) }).map(asUnknown);
      }
      case 'AWS::EC2::Instance':
        return checkInstance(resource, ctx);
      default:
        return checkFunction(resource, ctx);
    }
  },
});

function checkInstance(instance: Resource, ctx: RuleContext): RuleResult[] {
  if (ctx.get(instance, 'SubnetId').present || ctx.get(instance, 'LaunchTemplate').present) return [];
  for (let i = 0; i < itemCount(ctx, instance, ['NetworkInterfaces']); i++) {
    if (ctx.get(instance, ['NetworkInterfaces', i, 'SubnetId']).present || ctx.get(instance, ['NetworkInterfaces', i, 'NetworkInterfaceId']).present) return [];
  }
  return [{ status: 'fail', path: [...instance.propertiesPath, 'SubnetId'], messageId: 'instanceDefaultSubnet' }];
}

function checkFunction(fn: Resource, ctx: RuleContext): RuleResult[] {
  const tf = isTerraform(fn);
  const subnets = ctx.get(fn, tf ? ['vpc_config', 0, 'subnet_ids'] : ['VpcConfig', 'SubnetIds']);
  const s = possible(subnets.resolved);
  if (s.unknown || s.values.some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== ''))) return [];
  const environment = tf ? 'environment' : 'Environment';
  for (const e of ctx.edgesFrom(fn.id)) {
    if (e.path[fn.propertiesPath.length] !== environment) continue;
    const store = ctx.byId(e.to);
    if (!store || !VPC_STORES.has(store.type) || !CONNECTION_ATTRIBUTE.test(e.attribute ?? '')) continue;
    if (SEARCH_DOMAINS.has(store.type) && !ctx.get(store, tf ? 'vpc_options' : 'VPCOptions').present) continue;
    const vpcKey = tf ? 'vpc_config' : 'VpcConfig';
    return [{ status: 'fail', path: targetPath(fn, ctx.get(fn, vpcKey), [vpcKey]), messageId: 'functionOutsideVpc', data: { store: store.id, attribute: e.attribute ?? '' }, fixes: vpcFix(fn) }];
  }
  return [];
}

function vpcFix(fn: Resource): FixIntent[] {
  if (isTerraform(fn)) return [];
  return [
    {
      title: 'Attach the function to private subnets (needs a NAT gateway or VPC endpoints to reach AWS APIs)',
      safe: false,
      consequence: 'changes how the function reaches the internet and AWS APIs',
      edits: [
        { op: 'set', path: [...fn.propertiesPath, 'VpcConfig', 'SubnetIds'], value: { newParameter: { name: 'FunctionSubnetIds', type: 'List<AWS::EC2::Subnet::Id>', description: 'Private subnets for the function' } } },
        { op: 'set', path: [...fn.propertiesPath, 'VpcConfig', 'SecurityGroupIds'], value: { newParameter: { name: 'FunctionSecurityGroupIds', type: 'List<AWS::EC2::SecurityGroup::Id>', description: 'Security groups for the function' } } },
      ],
    },
  ];
}
