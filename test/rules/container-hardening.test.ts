import rule from '../../rules/access-control/container-hardening';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (props: string, container: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ReadOnly:
    Type: String
Resources:
  IntakeTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
${props}      ContainerDefinitions:
        - Name: intake
          Image: intake:1
${container}`;

const tf = (containers: unknown[], networkMode = 'awsvpc') => plan({ address: 'aws_ecs_task_definition.intake', values: { family: 'intake', network_mode: networkMode, container_definitions: JSON.stringify(containers) } });

testRule(rule, {
  valid: [
    { name: 'read-only root filesystem', yaml: template('', '          ReadonlyRootFilesystem: true\n') },
    { name: 'host network with a non-root user', yaml: template('      NetworkMode: host\n', '          ReadonlyRootFilesystem: true\n          Privileged: false\n          User: "1000"\n') },
    { name: 'SAM template with a hardened task', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  IntakeTask:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: intake\n          Image: intake:1\n          ReadonlyRootFilesystem: true\n` },
    { name: 'Terraform: hardened container', plan: tf([{ name: 'intake', image: 'intake:1', readonlyRootFilesystem: true, privileged: false }]) },
  ],
  invalid: [
    {
      name: 'writable root filesystem',
      yaml: template('', ''),
      errors: [{ messageId: 'writableRoot', resource: 'IntakeTask', path: 'Resources.IntakeTask.Properties.ContainerDefinitions.0.ReadonlyRootFilesystem', line: 10 }],
    },
    {
      name: 'privileged root container on the host network',
      yaml: template('      NetworkMode: host\n', '          ReadonlyRootFilesystem: true\n          Privileged: true\n          User: root\n'),
      errors: [
        { messageId: 'privileged', resource: 'IntakeTask', path: 'Resources.IntakeTask.Properties.ContainerDefinitions.0.Privileged', line: 14 },
        { messageId: 'rootUser', resource: 'IntakeTask', path: 'Resources.IntakeTask.Properties.ContainerDefinitions.0.User', line: 15 },
      ],
    },
    {
      name: 'read-only flag from a parameter without default is unknown',
      yaml: template('', '          ReadonlyRootFilesystem: !Ref ReadOnly\n'),
      errors: [{ messageId: 'unknown', resource: 'IntakeTask', path: 'Resources.IntakeTask.Properties.ContainerDefinitions.0.ReadonlyRootFilesystem', line: 12, status: 'unknown' }],
    },
    {
      name: 'SAM template with a writable container',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  IntakeTask:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: intake\n          Image: intake:1\n          ReadonlyRootFilesystem: false\n`,
      errors: [{ messageId: 'writableRoot', resource: 'IntakeTask', path: 'Resources.IntakeTask.Properties.ContainerDefinitions.0.ReadonlyRootFilesystem', line: 9 }],
    },
    {
      name: 'Terraform: privileged, writable, root on host network',
      plan: tf([{ name: 'intake', image: 'intake:1', privileged: true }], 'host'),
      errors: [
        { messageId: 'writableRoot', resource: 'aws_ecs_task_definition.intake', path: 'planned_values.root_module.resources.0.values.container_definitions', line: 14 },
        { messageId: 'privileged', resource: 'aws_ecs_task_definition.intake', path: 'planned_values.root_module.resources.0.values.container_definitions', line: 14 },
        { messageId: 'rootUser', resource: 'aws_ecs_task_definition.intake', path: 'planned_values.root_module.resources.0.values.container_definitions', line: 14 },
      ],
    },
    {
      name: 'Terraform: container definitions known only after apply',
      plan: plan({ address: 'aws_ecs_task_definition.intake', values: { family: 'intake' }, unknown: { container_definitions: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_ecs_task_definition.intake', path: 'planned_values.root_module.resources.0.values.container_definitions', line: 11, status: 'unknown' }],
    },
  ],
});
