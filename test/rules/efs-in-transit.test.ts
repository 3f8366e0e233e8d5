import rule from '../../rules/encryption-in-transit/efs-in-transit';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const task = (efs: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  ImagingTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: '256'
      Memory: '512'
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/docker/library/busybox:latest
      Volumes:
        - Name: scratch
        - Name: studies
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
${efs}`;

const tf = (transit?: string) =>
  plan({ address: 'aws_ecs_task_definition.imaging', values: { family: 'imaging', volume: [{ name: 'studies', efs_volume_configuration: [{ file_system_id: 'fs-12345678', ...(transit ? { transit_encryption: transit } : {}) }] }] } });

testRule(rule, {
  valid: [
    { name: 'EFS volume with TLS', yaml: task('            TransitEncryption: ENABLED\n') },
    { name: 'Terraform: EFS volume with TLS', plan: tf('ENABLED') },
  ],
  invalid: [
    {
      name: 'EFS volume without TLS (default)',
      yaml: task(''),
      errors: [{ messageId: 'transitOff', resource: 'ImagingTask', path: 'Resources.ImagingTask.Properties.Volumes.1.EFSVolumeConfiguration.TransitEncryption', line: 19 }],
    },
    {
      name: 'EFS volume with TLS disabled',
      yaml: task('            TransitEncryption: DISABLED\n'),
      errors: [{ messageId: 'transitOff', resource: 'ImagingTask', path: 'Resources.ImagingTask.Properties.Volumes.1.EFSVolumeConfiguration.TransitEncryption', line: 21 }],
    },
    {
      name: 'transit encryption from a parameter without default is unknown',
      yaml: task('            TransitEncryption: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'ImagingTask', path: 'Resources.ImagingTask.Properties.Volumes.1.EFSVolumeConfiguration.TransitEncryption', line: 21, status: 'unknown' }],
    },
    {
      name: 'Terraform: EFS volume without TLS',
      plan: tf('DISABLED'),
      errors: [{ messageId: 'transitOff', resource: 'aws_ecs_task_definition.imaging', path: 'planned_values.root_module.resources.0.values.volume.0.efs_volume_configuration.0.transit_encryption', line: 19 }],
    },
  ],
});
