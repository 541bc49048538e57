/**
 * The two SCORM run-time APIs as the LMS exposes them, and one neutral view
 * of them (ScormCalls) so retry and commit logic is written once. The data
 * model of each version stays in its own tracker (STYLE rule 6).
 */

/** SCORM 1.2 RTE 3.2: the `API` object. Every value crosses as a string. */
export interface Scorm12Api {
  LMSInitialize(param: ''): string | boolean;
  LMSFinish(param: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(param: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** SCORM 2004 RTE 3.1: the `API_1484_11` object. */
export interface Scorm2004Api {
  Initialize(param: ''): string | boolean;
  Terminate(param: ''): string | boolean;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string | boolean;
  Commit(param: ''): string | boolean;
  GetLastError(): string | number;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export interface LmsError {
  readonly code: string;
  readonly message: string;
  readonly diagnostic: string;
}

/** One call's outcome: the value (for GetValue) or the LMS's error. */
export type CallResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: LmsError };

export interface ScormCalls {
  initialize(): CallResult;
  terminate(): CallResult;
  /** GetValue; an empty answer is checked with GetLastError, as only the error code tells "" from a failure. */
  get(element: string): CallResult;
  /** GetValue where a failure means the same to the course as "" (an optional element): no GetLastError. */
  peek(element: string): string;
  set(element: string, value: string): CallResult;
  commit(): CallResult;
}

// Some LMSs return booleans, others the strings "true"/"false".
const succeeded = (r: string | boolean) => r === true || r === 'true';

/**
 * Wraps every call with only the error checks its answer needs (RTE 3.1.2 /
 * SCORM 1.2 RTE 3.3): "true" from a set, commit or session call, or a
 * non-empty value from GetValue, is a success and costs no further call.
 * GetLastError is asked only when the answer is ambiguous ("" from GetValue)
 * or a failure ("false"); GetErrorString and GetDiagnostic only after an error.
 */
function checked(lastError: () => string | number, errorString: (code: string) => string, diagnostic: (code: string) => string) {
  const errorCode = (): string => String(safely(lastError, '101'));
  const describe = (code: string): LmsError => ({
    code,
    message: String(safely(() => errorString(code), '')),
    diagnostic: String(safely(() => diagnostic(code), '')),
  });
  const threw = (thrown: unknown): CallResult => ({
    ok: false,
    error: { code: '101', message: 'The LMS API threw an exception', diagnostic: String(thrown) },
  });
  return {
    bool(call: () => string | boolean): CallResult {
      try {
        return succeeded(call()) ? { ok: true, value: '' } : { ok: false, error: describe(errorCode()) };
      } catch (thrown) {
        return threw(thrown);
      }
    },
    value(call: () => string): CallResult {
      try {
        const value = String(call() ?? '');
        if (value !== '') return { ok: true, value };
        const code = errorCode();
        return code === '0' || code === '' ? { ok: true, value } : { ok: false, error: describe(code) };
      } catch (thrown) {
        return threw(thrown);
      }
    },
    peek(call: () => string): string {
      try {
        return String(call() ?? '');
      } catch {
        return '';
      }
    },
  };
}

function safely<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
  }
}

export function scorm12Calls(api: Scorm12Api): ScormCalls {
  const c = checked(
    () => api.LMSGetLastError(),
    (x) => api.LMSGetErrorString(x),
    (x) => api.LMSGetDiagnostic(x),
  );
  return {
    initialize: () => c.bool(() => api.LMSInitialize('')),
    terminate: () => c.bool(() => api.LMSFinish('')),
    get: (element) => c.value(() => api.LMSGetValue(element)),
    peek: (element) => c.peek(() => api.LMSGetValue(element)),
    set: (element, value) => c.bool(() => api.LMSSetValue(element, value)),
    commit: () => c.bool(() => api.LMSCommit('')),
  };
}

export function scorm2004Calls(api: Scorm2004Api): ScormCalls {
  const c = checked(
    () => api.GetLastError(),
    (x) => api.GetErrorString(x),
    (x) => api.GetDiagnostic(x),
  );
  return {
    initialize: () => c.bool(() => api.Initialize('')),
    terminate: () => c.bool(() => api.Terminate('')),
    get: (element) => c.value(() => api.GetValue(element)),
    peek: (element) => c.peek(() => api.GetValue(element)),
    set: (element, value) => c.bool(() => api.SetValue(element, value)),
    commit: () => c.bool(() => api.Commit('')),
  };
}
