import { defineRule, evaluate, isTerraform, isTrue, itemCount, possible, setFix, targetPath, text, unknownAt, type JsonValue, type Resource, type RuleContext, type RuleResult } from '../kit';

const ROOT_USER = /^(root|0)(:.*)?$/i;
const CONSEQUENCE = 'registers a new task definition revision; containers that write to the root filesystem fail until given a volume';

export default defineRule({
  id: 'container-hardening',
  title: 'ECS container that may handle PHI runs privileged, as root or with a writable root filesystem',
  category: 'access-control',
  severity: 'info',
  hipaa: ['164.308(a)(3)(i)', '164.308(a)(3)(ii)(A)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'],
  controls: ['container-hardening'],
  appliesTo: { cloudformation: ['AWS::ECS::TaskDefinition'], terraform: ['aws_ecs_task_definition'] },
  responsibility: {
    aws: 'ECS and Fargate isolate tasks and apply the container settings in the task definition.',
    customer: 'Run containers unprivileged, as a non-root user where the host network is shared, and with a read-only root filesystem, so a compromised process cannot take over the host or plant tools.',
  },
  messages: {
    writableRoot: 'Container {container} of {resource} has a writable root filesystem: set ReadonlyRootFilesystem to true and mount volumes for the paths it writes.',
    privileged: 'Container {container} of {resource} runs privileged, with full access to the host; remove Privileged.',
    rootUser: 'Container {container} of {resource} shares the host network and runs as root (User {user}); set a non-root User.',
    unknown: 'The container settings of {resource} cannot be verified statically: {reason}.',
  },
  terraformMessages: {
    writableRoot: 'Container {container} of {resource} has a writable root filesystem: set readonlyRootFilesystem to true in its container_definitions entry and mount volumes for the paths it writes.',
    privileged: 'Container {container} of {resource} runs privileged, with full access to the host; remove privileged from its container_definitions entry.',
    rootUser: 'Container {container} of {resource} shares the host network and runs as root (user {user}); set a non-root user in its container_definitions entry.',
  },
  check(resource: Resource, ctx: RuleContext): RuleResult[] {
    return isTerraform(resource) ? checkTerraform(resource, ctx) : checkCloudFormation(resource, ctx);
  },
});

function checkCloudFormation(task: Resource, ctx: RuleContext): RuleResult[] {
  const defs = ctx.get(task, 'ContainerDefinitions');
  if (defs.resolved.kind === 'unknown') return [unknownAt(defs.path, defs.resolved.reason)];
  const hostNetwork = possible(ctx.get(task, 'NetworkMode').resolved).values.some((v) => text(v)?.toLowerCase() === 'host');
  const out: RuleResult[] = [];
  for (let i = 0; i < itemCount(ctx, task, ['ContainerDefinitions']); i++) {
    const base = ['ContainerDefinitions', i];
    const container = text(possible(ctx.get(task, [...base, 'Name']).resolved).values[0]) ?? String(i);
    const data = { container };
    const ro = ctx.get(task, [...base, 'ReadonlyRootFilesystem']);
    const roEval = evaluate(ro.resolved, isTrue);
    const roPath = targetPath(task, ro, [...base, 'ReadonlyRootFilesystem']);
    if (roEval.outcome === 'unknown') out.push(unknownAt(roPath, roEval.reason ?? 'decided at deploy time', 'unknown', data));
    else if (roEval.outcome === 'fail') out.push({ status: 'fail', path: roPath, messageId: 'writableRoot', data, fixes: setFix(task, [...base, 'ReadonlyRootFilesystem'], true, `Make the root filesystem of ${container} read-only`, { safe: false, consequence: CONSEQUENCE }) });
    const priv = ctx.get(task, [...base, 'Privileged']);
    const privValues = possible(priv.resolved);
    if (privValues.values.some(isTrue)) out.push({ status: 'fail', path: priv.path, messageId: 'privileged', data, fixes: setFix(task, [...base, 'Privileged'], false, `Run ${container} unprivileged`, { safe: false, consequence: 'registers a new task definition revision' }) });
    else if (privValues.unknown) out.push(unknownAt(priv.path, privValues.unknown, 'unknown', data));
    if (hostNetwork) {
      const user = ctx.get(task, [...base, 'User']);
      const u = possible(user.resolved);
      const root = u.absent ? 'unset (root)' : u.values.map(text).find((v) => v !== undefined && ROOT_USER.test(v));
      if (root) out.push({ status: 'fail', path: targetPath(task, user, [...base, 'User']), messageId: 'rootUser', data: { ...data, user: root } });
      else if (u.unknown) out.push(unknownAt(user.path, u.unknown, 'unknown', data));
    }
  }
  return out;
}

function checkTerraform(task: Resource, ctx: RuleContext): RuleResult[] {
  const defs = ctx.get(task, 'container_definitions');
  if (defs.resolved.kind === 'unknown') return [unknownAt(defs.path, defs.resolved.reason)];
  if (defs.resolved.kind !== 'known' || typeof defs.resolved.value !== 'string') return [];
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(defs.resolved.value) as JsonValue;
  } catch {
    return [unknownAt(defs.path, `${task.id}.container_definitions is not valid JSON`)];
  }
  const hostNetwork = text(possible(ctx.get(task, 'network_mode').resolved).values[0])?.toLowerCase() === 'host';
  const out: RuleResult[] = [];
  for (const [i, c] of (Array.isArray(parsed) ? parsed : []).entries()) {
    if (!c || typeof c !== 'object' || Array.isArray(c)) continue;
    const data = { container: text(c.name) ?? String(i) };
    if (!isTrue(c.readonlyRootFilesystem ?? false)) out.push({ status: 'fail', path: defs.path, messageId: 'writableRoot', data });
    if (c.privileged !== undefined && isTrue(c.privileged)) out.push({ status: 'fail', path: defs.path, messageId: 'privileged', data });
    const user = text(c.user);
    if (hostNetwork && (user === undefined || ROOT_USER.test(user))) out.push({ status: 'fail', path: defs.path, messageId: 'rootUser', data: { ...data, user: user ?? 'unset (root)' } });
  }
  return out;
}
