import rule from '../../rules/access-control/ec2-imdsv2-and-profile';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const template = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Tokens:
    Type: String
Resources:
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [app]
${resources}`;

const instance = (props: string) => `  AppServer:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      InstanceType: t3.micro
${props}`;

const launchTemplate = (tokens: string) => `  AppTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        IamInstanceProfile:
          Arn: !GetAtt Profile.Arn
        MetadataOptions:
          HttpTokens: ${tokens}
`;

testRule(rule, {
  valid: [
    { name: 'IMDSv2 required and a profile', yaml: template(instance('      IamInstanceProfile: !Ref Profile\n      MetadataOptions:\n        HttpTokens: required\n')) },
    { name: 'settings from the launch template', yaml: template(launchTemplate('required') + instance('      LaunchTemplate:\n        LaunchTemplateId: !Ref AppTemplate\n        Version: !GetAtt AppTemplate.LatestVersionNumber\n')) },
    { name: 'SageMaker notebook on IMDSv2', yaml: template(`  Notebook:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      InstanceType: ml.t3.medium\n      RoleArn: arn:aws:iam::111122223333:role/sm\n      InstanceMetadataServiceConfiguration:\n        MinimumInstanceMetadataServiceVersion: '2'\n`) },
    { name: 'SAM template with a compliant launch template', sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  AppTemplate:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        MetadataOptions:\n          HttpTokens: required\n` },
    { name: 'Terraform: instance with IMDSv2 and a profile', plan: plan({ address: 'aws_instance.app', values: { ami: 'ami-1', iam_instance_profile: 'app', metadata_options: [{ http_tokens: 'required' }] } }) },
  ],
  invalid: [
    {
      name: 'no metadata options and no profile',
      yaml: template(instance('')),
      errors: [
        { messageId: 'imdsv1', resource: 'AppServer', path: 'Resources.AppServer.Properties.MetadataOptions.HttpTokens', line: 12 },
        { messageId: 'noProfile', resource: 'AppServer', path: 'Resources.AppServer.Properties.IamInstanceProfile', line: 12 },
      ],
    },
    {
      name: 'launch template with optional tokens',
      yaml: template(launchTemplate('optional') + instance('      LaunchTemplate:\n        LaunchTemplateId: !Ref AppTemplate\n        Version: !GetAtt AppTemplate.LatestVersionNumber\n')),
      errors: [{ messageId: 'imdsv1', resource: 'AppTemplate', path: 'Resources.AppTemplate.Properties.LaunchTemplateData.MetadataOptions.HttpTokens', line: 17 }],
    },
    {
      name: 'tokens from a parameter without default are unknown',
      yaml: template(instance('      IamInstanceProfile: !Ref Profile\n      MetadataOptions:\n        HttpTokens: !Ref Tokens\n')),
      errors: [{ messageId: 'unknown', resource: 'AppServer', path: 'Resources.AppServer.Properties.MetadataOptions.HttpTokens', line: 17, status: 'unknown' }],
    },
    {
      name: 'SAM template with an IMDSv1 launch configuration',
      sam: `Transform: AWS::Serverless-2016-10-31\nResources:\n  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    Properties:\n      ImageId: ami-1\n      InstanceType: t3.micro\n      MetadataOptions:\n        HttpTokens: optional\n`,
      errors: [{ messageId: 'imdsv1', resource: 'Lc', path: 'Resources.Lc.Properties.MetadataOptions.HttpTokens', line: 9 }],
    },
    {
      name: 'Terraform: optional tokens and no profile',
      plan: plan({ address: 'aws_instance.app', values: { ami: 'ami-1', metadata_options: [{ http_tokens: 'optional' }] } }),
      errors: [
        { messageId: 'noProfile', resource: 'aws_instance.app', path: 'planned_values.root_module.resources.0.values.iam_instance_profile', line: 11 },
        { messageId: 'imdsv1', resource: 'aws_instance.app', path: 'planned_values.root_module.resources.0.values.metadata_options.0.http_tokens', line: 15 },
      ],
    },
    {
      name: 'Terraform: launch template tokens known only after apply',
      plan: plan({ address: 'aws_launch_template.app', values: { metadata_options: [{}] }, unknown: { metadata_options: [{ http_tokens: true }] } }),
      errors: [{ messageId: 'unknown', resource: 'aws_launch_template.app', path: 'planned_values.root_module.resources.0.values.metadata_options.0.http_tokens', line: 13, status: 'unknown' }],
    },
  ],
});
