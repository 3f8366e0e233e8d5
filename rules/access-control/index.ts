import type { Rule } from '../kit';
import apiGatewayAuthorization from './api-gateway-authorization';
import cognitoUserPoolHardening from './cognito-user-pool-hardening';
import containerHardening from './container-hardening';
import ec2Imdsv2AndProfile from './ec2-imdsv2-and-profile';
import emrKerberosAndSecurityConfig from './emr-kerberos-and-security-config';
import iamAccountPasswordPolicy from './iam-account-password-policy';
import iamNoAdminStatements from './iam-no-admin-statements';
import iamNoBroadKmsDecrypt from './iam-no-broad-kms-decrypt';
import iamUsersAndInlinePolicies from './iam-users-and-inline-policies';
import kmsKeyManagement from './kms-key-management';
import noPlaintextCredentials from './no-plaintext-credentials';
import patchingAndMaintenance from './patching-and-maintenance';
import s3BucketAclsDisabled from './s3-bucket-acls-disabled';
import secretsRotation from './secrets-rotation';

export const accessControlRules: Rule[] = [apiGatewayAuthorization, cognitoUserPoolHardening, containerHardening, ec2Imdsv2AndProfile, emrKerberosAndSecurityConfig, iamAccountPasswordPolicy, iamNoAdminStatements, iamNoBroadKmsDecrypt, iamUsersAndInlinePolicies, kmsKeyManagement, noPlaintextCredentials, patchingAndMaintenance, s3BucketAclsDisabled, secretsRotation];
