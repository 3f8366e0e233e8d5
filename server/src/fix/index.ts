export { applyEdits, diffAsEdit, type TextEdit } from './types';
export { renderIntent } from './render';
export { verifyFix, type Verified } from './verify';
export { fixAll, type FixAllResult, type FixFilter } from './fix-all';
export { unifiedDiff } from './diff';
export { writeFileAtomically } from './write-file';
