import { defineRule, evaluate, expect, isNonEmpty, isTrue, oneOfValues, possible, referrersOf, setFix, text, type Resource, type RuleContext, type RuleResult } from '../kit';
import { asUnknown, isTerraform } from '../kit';

const CFN_CLUSTER = 'AWS::RDS::DBCluster';
const TF_CLUSTER = 'aws_rds_cluster';

export default defineRule({
  id: 'availability-multi-az',
  title: 'Database or load-balanced tier that may serve PHI runs in a single Availability Zone',
  category: 'backup-recovery',
  severity: 'info',
  hipaa: ['164.308(a)(7)(i)', '164.308(a)(7)(ii)(C)', '164.312(b)'],
  controls: ['availability-multi-az'],
  appliesTo: {
    cloudformation: ['AWS::RDS::DBInstance', CFN_CLUSTER, 'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::AutoScaling::AutoScalingGroup'],
    terraform: ['aws_db_instance', TF_CLUSTER, 'aws_elb', 'aws_autoscaling_group'],
  },
  responsibility: {
    aws: 'AWS runs isolated Availability Zones and, when asked, keeps a synchronous standby database in a second zone, spreads load-balancer traffic across zones and replaces unhealthy instances.',
    customer: 'Choose a Multi-AZ deployment for databases holding PHI, give Aurora clusters a reader in another zone, balance across zones and let Auto Scaling use the load balancer health checks.',
  },
  messages: {
    singleAz: 'Database {resource} runs in one Availability Zone (MultiAZ is not true); a zone outage makes its PHI unavailable until it is restored.',
    fewInstances: 'Aurora cluster {resource} has {count} DB instance(s) in this template; without a second instance in another zone a zone outage stops access to its PHI.',
    noCrossZone: 'Classic load balancer {resource} does not balance across Availability Zones (CrossZone is not true).',
    ec2HealthCheck: 'Auto Scaling group {resource} is behind a load balancer but replaces instances only on EC2 status checks (HealthCheckType is not ELB).',
    unknown: 'The availability setting of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    fewInstances: 'Aurora cluster {resource} has {count} DB instance(s) in this plan; without a second instance in another zone a zone outage stops access to its PHI.',
    singleAz: 'Database {resource} runs in one Availability Zone (multi_az is not true); a zone outage makes its PHI unavailable until it is restored.',
    noCrossZone: 'Classic load balancer {resource} does not balance across Availability Zones (cross_zone_load_balancing is not true).',
    ec2HealthCheck: 'Auto Scaling group {resource} is behind a load balancer but replaces instances only on EC2 status checks (health_check_type is not ELB).',
  },
  limits:
    'Aurora instances declared in another stack or module are not counted. DynamoDB is replicated across zones by the service; its capacity auto scaling is not checked here.',
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    const tf = isTerraform(resource);
    switch (resource.type) {
      case 'AWS::RDS::DBInstance':
        return checkCfnInstance(resource, ctx);
      case 'aws_db_instance':
        if (isNonEmptyKnown(ctx, resource, 'replicate_source_db')) return [];
        return expect(ctx, resource, 'multi_az', isTrue, { messageId: 'singleAz' }).map(asUnknown);
      case CFN_CLUSTER:
      case TF_CLUSTER:
        return checkCluster(resource, ctx, tf);
      case 'AWS::ElasticLoadBalancing::LoadBalancer': {
        const fixes = setFix(resource, 'CrossZone', true, 'Balance across Availability Zones');
        return expect(ctx, resource, 'CrossZone', isTrue, { messageId: 'noCrossZone', fixes }).map(asUnknown);
      }
      case 'aws_elb':
        // The provider turns cross-zone balancing on unless it is set to false.
        return expect(ctx, resource, 'cross_zone_load_balancing', isTrue, { messageId: 'noCrossZone', absentPasses: true }).map(asUnknown);
      default:
        return checkAutoScaling(resource, ctx, tf);
    }
  },
});

function checkCfnInstance(db: Resource, ctx: RuleContext): RuleResult[] {
  // Aurora members take their availability from the cluster; read replicas are extra copies of a source.
  if (ctx.get(db, 'DBClusterIdentifier').present || ctx.get(db, 'SourceDBInstanceIdentifier').present) return [];
  const fixes = setFix(db, 'MultiAZ', true, 'Run the database with a standby in a second Availability Zone', {
    safe: false,
    consequence: 'doubles the instance cost; the conversion can briefly slow the database',
  });
  return expect(ctx, db, 'MultiAZ', isTrue, { messageId: 'singleAz', fixes }).map(asUnknown);
}

function checkCluster(cluster: Resource, ctx: RuleContext, tf: boolean): RuleResult[] {
  // A Multi-AZ DB cluster (RDS for MySQL/PostgreSQL) always runs three instances in three zones.
  if (isNonEmptyKnown(ctx, cluster, tf ? 'db_cluster_instance_class' : 'DBClusterInstanceClass')) return [];
  const engine = possible(ctx.get(cluster, tf ? 'engine' : 'Engine').resolved);
  if (engine.unknown) return [{ status: 'unknown', path: ctx.get(cluster, tf ? 'engine' : 'Engine').path, messageId: 'unknown', reason: engine.unknown, data: { reason: engine.unknown } }];
  if (!engine.values.some((v) => text(v)?.toLowerCase().startsWith('aurora'))) return [];
  // Aurora Serverless v1 keeps its storage and capacity across zones by itself.
  const mode = ctx.get(cluster, tf ? 'engine_mode' : 'EngineMode').resolved;
  if (evaluate(mode, oneOfValues('serverless')).outcome === 'pass') return [];
  const members = tf
    ? referrersOf(ctx, cluster, ['aws_rds_cluster_instance'], 'cluster_identifier')
    : referrersOf(ctx, cluster, ['AWS::RDS::DBInstance'], 'DBClusterIdentifier', ['DBClusterIdentifier']);
  if (members.length >= 2) return [];
  return [{ status: 'fail', path: cluster.path, messageId: 'fewInstances', data: { count: String(members.length) } }];
}

function checkAutoScaling(group: Resource, ctx: RuleContext, tf: boolean): RuleResult[] {
  const lbProps = tf ? ['load_balancers', 'target_group_arns'] : ['LoadBalancerNames', 'TargetGroupARNs'];
  // Attached when a list is (or may be) non-empty; an undecidable list still needs the ELB health check.
  const attached = lbProps.some((p) => {
    const list = ctx.get(group, p);
    return list.present && evaluate(list.resolved, isNonEmpty).outcome !== 'fail';
  });
  if (!attached) return [];
  const path = tf ? 'health_check_type' : 'HealthCheckType';
  const fixes = setFix(group, path, 'ELB', 'Replace instances that fail the load balancer health check');
  return expect(ctx, group, path, oneOfValues('ELB'), { messageId: 'ec2HealthCheck', fixes }).map(asUnknown);
}

function isNonEmptyKnown(ctx: RuleContext, resource: Resource, path: string): boolean {
  const r = ctx.get(resource, path);
  return r.present && evaluate(r.resolved, isNonEmpty).outcome !== 'fail';
}
