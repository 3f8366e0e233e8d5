import rule from '../../rules/public-exposure/sagemaker-notebook-no-direct-internet';
import { testRule } from '../harness/rule-tester';
import { plan } from './plan-builder';

const notebook = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Open:
    Type: String
Resources:
  ResearchNotebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/notebook
${props}`;

const domain = (props: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Studio:
    Type: AWS::SageMaker::Domain
    Properties:
      DomainName: research
      AuthMode: IAM
      VpcId: vpc-12345678
      SubnetIds: [subnet-1]
      DefaultUserSettings:
        ExecutionRole: arn:aws:iam::111122223333:role/studio
${props}`;

const inVpc = '      SubnetId: subnet-12345678\n      SecurityGroupIds: [sg-12345678]\n';

testRule(rule, {
  valid: [
    { name: 'notebook without direct internet access', yaml: notebook(inVpc + '      DirectInternetAccess: Disabled\n') },
    { name: 'Studio domain in VpcOnly mode', yaml: domain('      AppNetworkAccessType: VpcOnly\n') },
    { name: 'Terraform: notebook with access disabled', plan: plan({ address: 'aws_sagemaker_notebook_instance.research', values: { name: 'research', direct_internet_access: 'Disabled', subnet_id: 'subnet-1' } }) },
  ],
  invalid: [
    {
      name: 'notebook with the default (enabled) access',
      yaml: notebook(''),
      errors: [{ messageId: 'notebookInternet', resource: 'ResearchNotebook', path: 'Resources.ResearchNotebook.Properties.DirectInternetAccess', line: 8 }],
    },
    {
      name: 'notebook in a VPC that still has direct access',
      yaml: notebook(inVpc + '      DirectInternetAccess: Enabled\n'),
      errors: [{ messageId: 'notebookInternet', resource: 'ResearchNotebook', path: 'Resources.ResearchNotebook.Properties.DirectInternetAccess', line: 13 }],
    },
    {
      name: 'Studio domain on the public internet',
      yaml: domain('      AppNetworkAccessType: PublicInternetOnly\n'),
      errors: [{ messageId: 'domainInternet', resource: 'Studio', path: 'Resources.Studio.Properties.AppNetworkAccessType', line: 12 }],
    },
    {
      name: 'setting from a parameter without default is unknown',
      yaml: notebook('      DirectInternetAccess: !Ref Open\n'),
      errors: [{ messageId: 'unknown', resource: 'ResearchNotebook', path: 'Resources.ResearchNotebook.Properties.DirectInternetAccess', line: 11, status: 'unknown' }],
    },
    {
      name: 'SAM template: notebook with direct access',
      sam: notebook('').replace("AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31'),
      errors: [{ messageId: 'notebookInternet', resource: 'ResearchNotebook', path: 'Resources.ResearchNotebook.Properties.DirectInternetAccess', line: 8 }],
    },
    {
      name: 'Terraform: notebook with direct access',
      plan: plan({ address: 'aws_sagemaker_notebook_instance.research', values: { name: 'research', direct_internet_access: 'Enabled' } }),
      errors: [{ messageId: 'notebookInternet', resource: 'aws_sagemaker_notebook_instance.research', path: 'planned_values.root_module.resources.0.values.direct_internet_access', line: 13 }],
    },
    {
      name: 'Terraform: domain access type known only after apply',
      plan: plan({ address: 'aws_sagemaker_domain.studio', values: { domain_name: 'research' }, unknown: { app_network_access_type: true } }),
      errors: [{ messageId: 'unknown', resource: 'aws_sagemaker_domain.studio', path: 'planned_values.root_module.resources.0.values.app_network_access_type', line: 11, status: 'unknown' }],
    },
  ],
});
