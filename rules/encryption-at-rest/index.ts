import type { Rule } from '../kit';
import rdsStorageEncrypted from './rds-storage-encrypted';
import s3BucketDefaultEncryption from './s3-bucket-default-encryption';

export const encryptionAtRestRules: Rule[] = [rdsStorageEncrypted, s3BucketDefaultEncryption];
