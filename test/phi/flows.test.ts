import { testPhi } from './phi-tester';

const cfn = (resources: string) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Source:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: DataClassification
          Value: PHI
${resources}`;
const SRC = 'Source@Resources.Source.Properties.Tags.0.Value';

testPhi('PHI propagation (CloudFormation)', [
  {
    name: 'S3 replication destination',
    yaml: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Source:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: DataClassification
          Value: PHI
      ReplicationConfiguration:
        Role: arn:aws:iam::123456789012:role/replication
        Rules:
          - Status: Enabled
            Destination:
              Bucket: !GetAtt Replica.Arn
  Replica:
    Type: AWS::S3::Bucket
`,
    expect: { Replica: ['phi', SRC, 'Replica@Resources.Source.Properties.ReplicationConfiguration.Rules.0.Destination.Bucket'] },
    why: { Replica: 'Source replicates objects to Replica' },
  },
  {
    name: 'S3 event notifications to a function, a queue and a topic; function logs and DLQ follow',
    yaml: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Source:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: DataClassification
          Value: PHI
      NotificationConfiguration:
        LambdaConfigurations:
          - Event: s3:ObjectCreated:*
            Function: !GetAtt Indexer.Arn
        QueueConfigurations:
          - Event: s3:ObjectCreated:*
            Queue: !GetAtt Jobs.Arn
        TopicConfigurations:
          - Event: s3:ObjectCreated:*
            Topic: !Ref Uploads
  Indexer:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      DeadLetterConfig:
        TargetArn: !GetAtt Failures.Arn
  IndexerLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub /aws/lambda/\${Indexer}
  Failures:
    Type: AWS::SQS::Queue
  Jobs:
    Type: AWS::SQS::Queue
  Uploads:
    Type: AWS::SNS::Topic
`,
    expect: {
      Indexer: ['phi', SRC, 'Indexer@Resources.Source.Properties.NotificationConfiguration.LambdaConfigurations.0.Function'],
      Jobs: ['phi', SRC, 'Jobs@Resources.Source.Properties.NotificationConfiguration.QueueConfigurations.0.Queue'],
      Uploads: ['phi', SRC, 'Uploads@Resources.Source.Properties.NotificationConfiguration.TopicConfigurations.0.Topic'],
      Failures: ['phi', SRC, 'Indexer@Resources.Source.Properties.NotificationConfiguration.LambdaConfigurations.0.Function', 'Failures@Resources.Indexer.Properties.DeadLetterConfig.TargetArn'],
      IndexerLogs: ['phi', SRC, 'Indexer@Resources.Source.Properties.NotificationConfiguration.LambdaConfigurations.0.Function', 'IndexerLogs@Resources.IndexerLogs.Properties.LogGroupName'],
    },
    why: { IndexerLogs: 'IndexerLogs receives the logs of Indexer' },
  },
  {
    name: 'SNS subscription to a queue; SQS redrive to its dead-letter queue',
    yaml: cfn(`  Topic:
    Type: AWS::SNS::Topic
    Properties:
      Tags:
        - Key: PHI
          Value: 'true'
  Sub:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Topic
      Protocol: sqs
      Endpoint: !GetAtt Inbox.Arn
  Inbox:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt InboxDlq.Arn
        maxReceiveCount: 3
  InboxDlq:
    Type: AWS::SQS::Queue
`),
    expect: {
      Sub: ['phi', 'Topic@Resources.Topic.Properties.Tags.0.Value', 'Sub@Resources.Sub.Properties.TopicArn'],
      Inbox: ['phi', 'Topic@Resources.Topic.Properties.Tags.0.Value', 'Sub@Resources.Sub.Properties.TopicArn', 'Inbox@Resources.Sub.Properties.Endpoint'],
      InboxDlq: ['phi', 'Topic@Resources.Topic.Properties.Tags.0.Value', 'Sub@Resources.Sub.Properties.TopicArn', 'Inbox@Resources.Sub.Properties.Endpoint', 'InboxDlq@Resources.Inbox.Properties.RedrivePolicy.deadLetterTargetArn'],
    },
  },
  {
    name: 'event source mapping from a DynamoDB stream to a function',
    yaml: cfn(`  Table:
    Type: AWS::DynamoDB::Table
    Metadata:
      hipaa-lint:
        phi: true
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      EventSourceArn: !GetAtt Table.StreamArn
      FunctionName: !Ref Consumer
  Consumer:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
`),
    expect: {
      Mapping: ['phi', 'Table@Resources.Table.Metadata.hipaa-lint.phi', 'Mapping@Resources.Mapping.Properties.EventSourceArn'],
      Consumer: ['phi', 'Table@Resources.Table.Metadata.hipaa-lint.phi', 'Mapping@Resources.Mapping.Properties.EventSourceArn', 'Consumer@Resources.Mapping.Properties.FunctionName'],
    },
  },
  {
    name: 'Firehose from a Kinesis stream to a bucket',
    yaml: cfn(`  Stream:
    Type: AWS::Kinesis::Stream
    Properties:
      Tags:
        - Key: DataClassification
          Value: PHI
  Delivery:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamType: KinesisStreamAsSource
      KinesisStreamSourceConfiguration:
        KinesisStreamARN: !GetAtt Stream.Arn
        RoleARN: arn:aws:iam::123456789012:role/x
      ExtendedS3DestinationConfiguration:
        BucketARN: !GetAtt Landing.Arn
        RoleARN: arn:aws:iam::123456789012:role/x
  Landing:
    Type: AWS::S3::Bucket
`),
    expect: {
      Delivery: ['phi', 'Stream@Resources.Stream.Properties.Tags.0.Value', 'Delivery@Resources.Delivery.Properties.KinesisStreamSourceConfiguration.KinesisStreamARN'],
      Landing: ['phi', 'Stream@Resources.Stream.Properties.Tags.0.Value', 'Delivery@Resources.Delivery.Properties.KinesisStreamSourceConfiguration.KinesisStreamARN', 'Landing@Resources.Delivery.Properties.ExtendedS3DestinationConfiguration.BucketARN'],
    },
  },
  {
    name: 'EventBridge rule targets, from a PHI event bus',
    yaml: cfn(`  Bus:
    Type: AWS::Events::EventBus
    Properties:
      Name: clinical-events
      Tags:
        - Key: DataClassification
          Value: PHI
  Rule:
    Type: AWS::Events::Rule
    Properties:
      EventBusName: !Ref Bus
      EventPattern: { source: [clinic] }
      Targets:
        - Id: q
          Arn: !GetAtt Work.Arn
  Work:
    Type: AWS::SQS::Queue
`),
    expect: {
      Rule: ['phi', 'Bus@Resources.Bus.Properties.Tags.0.Value', 'Rule@Resources.Rule.Properties.EventBusName'],
      Work: ['phi', 'Bus@Resources.Bus.Properties.Tags.0.Value', 'Rule@Resources.Rule.Properties.EventBusName', 'Work@Resources.Rule.Properties.Targets.0.Arn'],
    },
  },
  {
    name: 'Step Functions read and write the stores their definition names',
    yaml: cfn(`  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/x
      DefinitionString: '{}'
      DefinitionSubstitutions:
        InBucket: !Ref Source
        OutTable: !Ref Results
  Results:
    Type: AWS::DynamoDB::Table
`),
    expect: {
      Machine: ['phi', SRC, 'Machine@Resources.Machine.Properties.DefinitionSubstitutions.InBucket'],
      Results: ['phi', SRC, 'Machine@Resources.Machine.Properties.DefinitionSubstitutions.InBucket', 'Results@Resources.Machine.Properties.DefinitionSubstitutions.OutTable'],
    },
  },
  {
    name: 'function environment and execution-role policies reference PHI stores',
    yaml: cfn(`  EnvReader:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      Environment:
        Variables:
          BUCKET: !Ref Source
  PolicyReader:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt ReaderRole.Arn
  ReaderRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
      Policies:
        - PolicyName: read
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: !Sub '\${Source.Arn}/*'
  AttachedReader:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt OtherRole.Arn
  OtherRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
  ReadPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: read
      Roles: [!Ref OtherRole]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: !GetAtt Source.Arn
`),
    expect: {
      EnvReader: ['phi', SRC, 'EnvReader@Resources.EnvReader.Properties.Environment.Variables.BUCKET'],
      PolicyReader: ['phi', SRC, 'PolicyReader@Resources.PolicyReader.Properties.Role'],
      AttachedReader: ['phi', SRC, 'AttachedReader@Resources.AttachedReader.Properties.Role'],
      ReaderRole: ['no-phi', 'ReaderRole@Resources.ReaderRole'],
    },
    why: { PolicyReader: 'through the policies of its role ReaderRole', AttachedReader: 'its role OtherRole' },
  },
  {
    name: 'RDS read replica, Aurora cluster member and restore from snapshot',
    yaml: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Primary:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      Tags:
        - Key: DataClassification
          Value: PHI
  Replica:
    Type: AWS::RDS::DBInstance
    Properties:
      SourceDBInstanceIdentifier: !Ref Primary
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      Tags:
        - Key: DataClassification
          Value: PHI
  Member:
    Type: AWS::RDS::DBInstance
    Properties:
      DBClusterIdentifier: !Ref Cluster
      Engine: aurora-postgresql
`,
    expect: {
      Replica: ['phi', 'Primary@Resources.Primary.Properties.Tags.0.Value', 'Replica@Resources.Replica.Properties.SourceDBInstanceIdentifier'],
      Member: ['phi', 'Cluster@Resources.Cluster.Properties.Tags.0.Value', 'Member@Resources.Member.Properties.DBClusterIdentifier'],
    },
  },
  {
    name: 'DMS from a PHI database to a bucket target',
    yaml: cfn(`  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      Tags:
        - Key: DataClassification
          Value: PHI
  SourceEndpoint:
    Type: AWS::DMS::Endpoint
    Properties:
      EndpointType: source
      EngineName: postgres
      ServerName: !GetAtt Db.Endpoint.Address
  TargetEndpoint:
    Type: AWS::DMS::Endpoint
    Properties:
      EndpointType: target
      EngineName: s3
      S3Settings:
        BucketName: !Ref Lake
  Task:
    Type: AWS::DMS::ReplicationTask
    Properties:
      MigrationType: full-load
      ReplicationInstanceArn: arn:aws:dms:us-east-1:123456789012:rep:x
      SourceEndpointArn: !Ref SourceEndpoint
      TargetEndpointArn: !Ref TargetEndpoint
      TableMappings: '{}'
  Lake:
    Type: AWS::S3::Bucket
`),
    expect: {
      Lake: ['phi', 'Db@Resources.Db.Properties.Tags.0.Value', 'SourceEndpoint@Resources.SourceEndpoint.Properties.ServerName', 'Task@Resources.Task.Properties.SourceEndpointArn', 'TargetEndpoint@Resources.Task.Properties.TargetEndpointArn', 'Lake@Resources.TargetEndpoint.Properties.S3Settings.BucketName'],
    },
  },
  {
    name: 'AWS Backup selection → plan → vault',
    yaml: cfn(`  Selection:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: !Ref Plan
      BackupSelection:
        SelectionName: phi
        IamRoleArn: arn:aws:iam::123456789012:role/backup
        Resources:
          - !GetAtt Source.Arn
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: !Ref Vault
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: vault
`),
    expect: {
      Vault: ['phi', SRC, 'Selection@Resources.Selection.Properties.BackupSelection.Resources.0', 'Plan@Resources.Selection.Properties.BackupPlanId', 'Vault@Resources.Plan.Properties.BackupPlan.BackupPlanRule.0.TargetBackupVault'],
    },
  },
  {
    name: 'Glue crawler and table over a PHI bucket; Athena results location',
    yaml: cfn(`  Crawler:
    Type: AWS::Glue::Crawler
    Properties:
      Role: arn:aws:iam::123456789012:role/glue
      DatabaseName: clinic
      Targets:
        S3Targets:
          - Path: !Sub 's3://\${Source}/records/'
  Table:
    Type: AWS::Glue::Table
    Properties:
      CatalogId: '123456789012'
      DatabaseName: clinic
      TableInput:
        StorageDescriptor:
          Location: !Sub 's3://\${Source}/records/'
  Workgroup:
    Type: AWS::Athena::WorkGroup
    Metadata:
      hipaa-lint:
        phi: true
    Properties:
      Name: clinic
      WorkGroupConfiguration:
        ResultConfiguration:
          OutputLocation: !Sub 's3://\${Results}/'
  Results:
    Type: AWS::S3::Bucket
`),
    expect: {
      Crawler: ['phi', SRC, 'Crawler@Resources.Crawler.Properties.Targets.S3Targets.0.Path'],
      Table: ['phi', SRC, 'Table@Resources.Table.Properties.TableInput.StorageDescriptor.Location'],
      Results: ['phi', 'Workgroup@Resources.Workgroup.Metadata.hipaa-lint.phi', 'Results@Resources.Workgroup.Properties.WorkGroupConfiguration.ResultConfiguration.OutputLocation'],
    },
  },
  {
    name: 'CloudWatch log subscription forwards a PHI log group to a stream',
    yaml: cfn(`  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      Tags:
        - Key: DataClassification
          Value: PHI
  Filter:
    Type: AWS::Logs::SubscriptionFilter
    Properties:
      LogGroupName: !Ref Logs
      FilterPattern: ''
      DestinationArn: !GetAtt Archive.Arn
  Archive:
    Type: AWS::Kinesis::Stream
`),
    expect: {
      Archive: ['phi', 'Logs@Resources.Logs.Properties.Tags.0.Value', 'Filter@Resources.Filter.Properties.LogGroupName', 'Archive@Resources.Filter.Properties.DestinationArn'],
    },
  },
  {
    name: 'API Gateway method in front of a PHI-processing function, and its stage',
    yaml: cfn(`  Handler:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      Environment:
        Variables:
          BUCKET: !Ref Source
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: records
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: AWS_IAM
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Handler.Arn}/invocations
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      StageName: prod
`),
    expect: {
      Method: ['phi', SRC, 'Handler@Resources.Handler.Properties.Environment.Variables.BUCKET', 'Method@Resources.Method.Properties.Integration.Uri'],
      Api: ['phi', SRC, 'Handler@Resources.Handler.Properties.Environment.Variables.BUCKET', 'Method@Resources.Method.Properties.Integration.Uri', 'Api@Resources.Method.Properties.RestApiId'],
      Stage: ['phi', SRC, 'Handler@Resources.Handler.Properties.Environment.Variables.BUCKET', 'Method@Resources.Method.Properties.Integration.Uri', 'Api@Resources.Method.Properties.RestApiId', 'Stage@Resources.Stage.Properties.RestApiId'],
    },
  },
  {
    name: 'a KMS key that encrypts a PHI store protects PHI (directly and through an alias) without carrying it',
    yaml: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Source:
    Type: AWS::S3::Bucket
    Properties:
      Tags:
        - Key: DataClassification
          Value: PHI
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
              KMSMasterKeyID: !GetAtt Key.Arn
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Tags:
        - Key: PHI
          Value: 'true'
      KmsMasterKeyId: !Ref QueueAlias
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {}
  QueueKey:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {}
  QueueAlias:
    Type: AWS::KMS::Alias
    Properties:
      AliasName: alias/queue
      TargetKeyId: !Ref QueueKey
  UnusedKey:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {}
`,
    expect: {
      Key: ['phi', SRC, 'Key@Resources.Source.Properties.BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID'],
      QueueKey: ['phi', 'Queue@Resources.Queue.Properties.Tags.0.Value', 'QueueKey@Resources.Queue.Properties.KmsMasterKeyId'],
      UnusedKey: ['no-phi', 'UnusedKey@Resources.UnusedKey'],
    },
    protectsPhi: ['Key', 'QueueKey'],
  },
  {
    name: 'a reference cycle terminates and every member gets the shortest chain',
    yaml: cfn(`  A:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt B.Arn
  B:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt A.Arn
  Feed:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      Environment:
        Variables:
          B: !Ref Source
      DeadLetterConfig:
        TargetArn: !GetAtt A.Arn
`),
    expect: {
      A: ['phi', SRC, 'Feed@Resources.Feed.Properties.Environment.Variables.B', 'A@Resources.Feed.Properties.DeadLetterConfig.TargetArn'],
      B: ['phi', SRC, 'Feed@Resources.Feed.Properties.Environment.Variables.B', 'A@Resources.Feed.Properties.DeadLetterConfig.TargetArn', 'B@Resources.A.Properties.RedrivePolicy.deadLetterTargetArn'],
    },
  },
  {
    name: 'declared no-PHI stops propagation into a resource',
    yaml: cfn(`  Replica:
    Type: AWS::S3::Bucket
    Metadata:
      hipaa-lint:
        phi: false
  Reader:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      Environment:
        Variables:
          B: !Ref Source
`),
    settings: { noPhiResources: ['Reader'] },
    expect: { Reader: ['no-phi', 'Reader@'] },
  },
]);

// A chain of 20 queues, each the dead-letter queue of the one before: the budget (16 steps) stops it.
const chain = Array.from({ length: 20 }, (_, i) => `  Q${i}:
    Type: AWS::SQS::Queue
    Properties:
${i === 0 ? `      Tags:
        - Key: DataClassification
          Value: PHI
` : ''}${i < 19 ? `      RedrivePolicy:
        deadLetterTargetArn: !GetAtt Q${i + 1}.Arn
` : ''}`).join('');
const step = (i: number) => `Q${i}@Resources.Q${i - 1}.Properties.RedrivePolicy.deadLetterTargetArn`;

testPhi('PHI propagation depth budget', [
  {
    name: 'a chain longer than the budget ends in unknown, and nothing past it is reached',
    yaml: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${chain}`,
    expect: {
      Q15: ['phi', 'Q0@Resources.Q0.Properties.Tags.0.Value', ...Array.from({ length: 15 }, (_, i) => step(i + 1))],
      Q16: ['unknown', 'Q0@Resources.Q0.Properties.Tags.0.Value', ...Array.from({ length: 16 }, (_, i) => step(i + 1))],
      Q17: ['unknown'],
    },
    why: { Q16: 'longer than the 16-step budget' },
  },
]);
