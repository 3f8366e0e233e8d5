// Shape checks for request parameters: a client that sends a malformed request is told so (InvalidParams,
// naming what is missing) instead of getting an InternalError from a handler that read past it.

/** What a request's parameters lack, or undefined when they have the fields its handler reads. */
export type ParamsCheck = (params: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export const documentParams: ParamsCheck = (params) => {
  if (!isObject(params)) return 'params must be an object';
  if (!isObject(params.textDocument) || typeof params.textDocument.uri !== 'string') return 'params.textDocument.uri must be a string';
  return undefined;
};

function positionProblem(value: unknown, where: string): string | undefined {
  return isObject(value) && isCount(value.line) && isCount(value.character) ? undefined : `${where} must be { line, character } with non-negative integers`;
}

export const positionParams: ParamsCheck = (params) => documentParams(params) ?? positionProblem((params as Record<string, unknown>).position, 'params.position');

export const codeActionParams: ParamsCheck = (params) => {
  const problem = documentParams(params);
  if (problem) return problem;
  const { range, context } = params as Record<string, unknown>;
  if (!isObject(range)) return 'params.range must be { start, end }';
  const bad = positionProblem(range.start, 'params.range.start') ?? positionProblem(range.end, 'params.range.end');
  if (bad) return bad;
  if (!isObject(context) || !Array.isArray(context.diagnostics)) return 'params.context.diagnostics must be a list';
  return undefined;
};

export const codeActionItem: ParamsCheck = (params) => (isObject(params) && typeof params.title === 'string' ? undefined : 'the code action must be an object with a title');

export const uriParams: ParamsCheck = (params) => (isObject(params) && typeof params.uri === 'string' ? undefined : 'params.uri must be a string');
