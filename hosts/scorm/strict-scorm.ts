/**
 * A strict SCORM LMS for browser tests. It installs `window.API` (SCORM 1.2)
 * or `window.API_1484_11` (SCORM 2004) on the host page, checks every call
 * against the specification's limits, vocabularies and call order, and only
 * then delegates to a real LMS runtime (scorm-again, see lms-runtime.ts).
 *
 * What the course sees: a rejected call returns "false" (or "" for GetValue)
 * with the error code a strict LMS gives, so its failure handling is tested.
 * What the test sees, on `window.__lms`: the full call log, every
 * violation with the rule and spec section, the commit count, the data the
 * LMS holds, and fault-injection switches.
 */
import { createLmsRuntime, type LmsRuntime } from './lms-runtime.js';
import type { Breach, HeldData, RuleSet } from './rules-common.js';
import { SCORM12_ERRORS, scorm12Rules } from './rules-scorm12.js';
import { SCORM2004_ERRORS, scorm2004Rules } from './rules-scorm2004.js';
import { type FlatCmi, type ScormVersion, launchData } from './session-seed.js';

/** One injected LMS failure. `times` counts down; absent means "always". */
export interface Fault {
  errorCode?: number;
  times?: number;
  /**
   * GetValue only: instead of failing, answer this value with no error, as an LMS that answers
   * wrong does (e.g. `cmi.interactions._count` "0" while it holds 13).
   */
  answer?: string;
}

/** Switches a test flips to make the LMS fail; read live on every call. */
export interface FaultPlan {
  initialize?: Fault;
  commit?: Fault;
  terminate?: Fault;
  /** Keyed by element ("cmi.suspend_data") or pattern ("cmi.interactions.n.result"). */
  setValue?: Record<string, Fault>;
  getValue?: Record<string, Fault>;
  /**
   * How this LMS answers GetValue on an element it holds no value for (never set, not seeded):
   * by default with "" and no error; 403 as SCORM 2004 RTE 4.1 prescribes ("value not
   * initialized"), or 101 / 301 as some LMSs do. With a seed of `cmi.entry` "" this gives the
   * first-launch variants real LMSs show.
   */
  unsetGet?: number;
  /**
   * An LMS whose API saves with a synchronous request, as Chrome runs it: while the course's window
   * is being closed (pagehide, unload) synchronous requests are blocked, so every call then answers
   * success and stores nothing (SetValue, Commit and Terminate return "true" with error 0; the
   * values never reach what the LMS has committed). The host page tells the host when the course's
   * window closes (`courseWindowClosing`).
   */
  lostOnUnload?: boolean;
}

export interface StrictHostOptions {
  readonly version: ScormVersion;
  /** Stored attempt: a hand-written one, or `data()` from a previous launch. */
  readonly seed?: FlatCmi;
  readonly faults?: FaultPlan;
}

/** A call the course should not have made as it did. */
export interface Violation {
  readonly method: string;
  readonly element?: string;
  readonly value?: string;
  readonly rule: string;
  readonly section: string;
  readonly errorCode: number;
  readonly at: number;
}

export interface CallRecord {
  readonly method: string;
  readonly element?: string;
  readonly value?: string;
  readonly returned: string;
  readonly errorCode: number;
  readonly at: number;
  /** ok; violation (the course broke a rule); fault (injected LMS failure); lost (answered success while the window closed, stored nothing). */
  readonly outcome: 'ok' | 'violation' | 'fault' | 'lost';
}

export type SessionState = 'not-initialized' | 'running' | 'terminated';

/** The SCORM 1.2 API object (RTE 3.2), as `window.API`. */
export interface Scorm12Api {
  LMSInitialize(parameter: string): string;
  LMSFinish(parameter: string): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: string): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The SCORM 2004 API object (RTE 3.1), as `window.API_1484_11`. */
export interface Scorm2004Api {
  Initialize(parameter: string): string;
  Terminate(parameter: string): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: string): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

/** Everything a test reads from `window.__lms`. */
export interface StrictHost {
  readonly version: ScormVersion;
  readonly api: Scorm12Api | Scorm2004Api;
  readonly log: CallRecord[];
  readonly violations: Violation[];
  readonly faults: FaultPlan;
  /** Successful Commit calls. */
  readonly commits: number;
  readonly state: SessionState;
  /** The CMI values the LMS holds now, flat; pass to the next launch as `seed`. */
  data(): FlatCmi;
  /** The values as of the last successful Commit or Terminate (what a real LMS persisted). */
  committedData(): FlatCmi | undefined;
  /**
   * The course's window is being closed (its pagehide or unload): with `faults.lostOnUnload`,
   * nothing reaches the LMS from now on, nor from `since` on (the event's time, in ms since the
   * epoch: the course's own handler of that event may have run before the host heard of it).
   */
  courseWindowClosing(since?: number): void;
}

type Method = 'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit';
type InfoMethod = 'getLastError' | 'getErrorString' | 'getDiagnostic';

/** Per-version names and error codes. */
interface Profile {
  readonly rules: RuleSet;
  readonly names: Readonly<Record<Method | InfoMethod, string>>;
  /** Code for calling `method` before Initialize / after Terminate / when the LMS fails it. */
  readonly before: Readonly<Record<Method, number>>;
  readonly after: Readonly<Record<Method, number>>;
  readonly failure: Readonly<Record<Method, number>>;
  readonly invalidArgument: number;
  /** Code for Initialize while a session is running. */
  readonly alreadyInitialized: number;
  /** Delegate errors that are normal answers, not course mistakes. */
  readonly benignGetErrors: readonly number[];
  readonly section: string;
}

const PROFILES: Readonly<Record<ScormVersion, Profile>> = {
  // SCORM 1.2 RTE 3.3: 101 for a second LMSInitialize, 301 for any other call
  // outside an initialized session (after LMSFinish the SCO is no longer initialized).
  '1.2': {
    rules: scorm12Rules,
    names: {
      initialize: 'LMSInitialize',
      terminate: 'LMSFinish',
      getValue: 'LMSGetValue',
      setValue: 'LMSSetValue',
      commit: 'LMSCommit',
      getLastError: 'LMSGetLastError',
      getErrorString: 'LMSGetErrorString',
      getDiagnostic: 'LMSGetDiagnostic',
    },
    before: { initialize: 0, terminate: 301, getValue: 301, setValue: 301, commit: 301 },
    after: { initialize: SCORM12_ERRORS.general, terminate: 301, getValue: 301, setValue: 301, commit: 301 },
    failure: { initialize: 101, terminate: 101, getValue: 101, setValue: 101, commit: 101 },
    invalidArgument: SCORM12_ERRORS.invalidArgument,
    alreadyInitialized: SCORM12_ERRORS.general,
    benignGetErrors: [],
    section: 'SCORM 1.2 RTE 3.3',
  },
  // SCORM 2004 RTE 3.1.7: a code per method and state.
  '2004': {
    rules: scorm2004Rules,
    names: {
      initialize: 'Initialize',
      terminate: 'Terminate',
      getValue: 'GetValue',
      setValue: 'SetValue',
      commit: 'Commit',
      getLastError: 'GetLastError',
      getErrorString: 'GetErrorString',
      getDiagnostic: 'GetDiagnostic',
    },
    before: {
      initialize: 0,
      terminate: SCORM2004_ERRORS.terminationBeforeInitialization,
      getValue: SCORM2004_ERRORS.retrieveBeforeInitialization,
      setValue: SCORM2004_ERRORS.storeBeforeInitialization,
      commit: SCORM2004_ERRORS.commitBeforeInitialization,
    },
    after: {
      initialize: SCORM2004_ERRORS.contentInstanceTerminated,
      terminate: SCORM2004_ERRORS.terminationAfterTermination,
      getValue: SCORM2004_ERRORS.retrieveAfterTermination,
      setValue: SCORM2004_ERRORS.storeAfterTermination,
      commit: SCORM2004_ERRORS.commitAfterTermination,
    },
    failure: {
      initialize: SCORM2004_ERRORS.generalInitialization,
      terminate: SCORM2004_ERRORS.generalTermination,
      getValue: SCORM2004_ERRORS.generalGet,
      // A store the LMS cannot do right now: a general exception (351 means a refused value).
      setValue: SCORM2004_ERRORS.general,
      commit: SCORM2004_ERRORS.generalCommit,
    },
    invalidArgument: SCORM2004_ERRORS.generalArgument,
    alreadyInitialized: SCORM2004_ERRORS.alreadyInitialized,
    // RTE 4.1: GetValue on an element the SCO has not set yet (cmi.location on
    // a first launch) answers 403 "value not initialized"; reading before
    // writing is normal resume logic, so it is logged but not a violation.
    benignGetErrors: [SCORM2004_ERRORS.valueNotInitialized],
    section: 'SCORM 2004 RTE 3.1.7',
  },
};

/**
 * The calls a launch made: those before the course's first save point (its first write of the
 * location), however soon that save point came.
 */
export function launchCallCount(log: readonly CallRecord[]): number {
  const firstSave = log.findIndex((c) => c.element === 'cmi.core.lesson_location' || c.element === 'cmi.location');
  return firstSave < 0 ? log.length : firstSave;
}

/** Creates the strict LMS for one launch. Nothing is installed on a window yet. */
export function createStrictHost(options: StrictHostOptions): StrictHost {
  return new StrictSession(options);
}

/** Makes `host` the LMS for frames below `target`: `target.API` or `target.API_1484_11`, and `target.__lms`. */
export function installStrictHost(target: object, host: StrictHost): void {
  const apiName = host.version === '1.2' ? 'API' : 'API_1484_11';
  Object.assign(target, { [apiName]: host.api, __lms: host });
}

class StrictSession implements StrictHost {
  readonly version: ScormVersion;
  readonly api: Scorm12Api | Scorm2004Api;
  readonly log: CallRecord[] = [];
  readonly violations: Violation[] = [];
  readonly faults: FaultPlan;
  commits = 0;
  state: SessionState = 'not-initialized';

  private readonly profile: Profile;
  private readonly runtime: LmsRuntime;
  /** The values accepted so far, for rules that depend on earlier calls. */
  private readonly held = new Map<string, string>();
  private committed: FlatCmi | undefined;
  /** The course's window is closing (see FaultPlan.lostOnUnload). */
  private closing = false;
  /** When each call of the log was made, in ms since the epoch with sub-millisecond precision. */
  private readonly stamps: number[] = [];
  /** What each successful Commit or Terminate persisted, and when (to take back those made while closing). */
  private readonly persisted: { stamp: number; data: FlatCmi; commit: boolean }[] = [];
  private lastError = 0;
  private lastDiagnostic = '';

  constructor({ version, seed, faults }: StrictHostOptions) {
    this.version = version;
    this.profile = PROFILES[version];
    this.faults = faults ?? {};
    const launch = launchData(version, seed);
    for (const [element, value] of Object.entries(launch)) this.held.set(element, value);
    this.runtime = createLmsRuntime(version, launch);
    this.api = version === '1.2' ? this.scorm12Api() : this.scorm2004Api();
  }

  data(): FlatCmi {
    return this.runtime.snapshot();
  }

  committedData(): FlatCmi | undefined {
    return this.committed && { ...this.committed };
  }

  courseWindowClosing(since?: number): void {
    this.closing = true;
    if (!this.faults.lostOnUnload || since === undefined) return;
    // Calls the course made in this close before the host heard of it never reached the LMS either.
    const writes = new Set<string>([this.profile.names.setValue, this.profile.names.commit, this.profile.names.terminate]);
    this.log.forEach((call, i) => {
      if ((this.stamps[i] ?? 0) >= since && writes.has(call.method) && call.outcome === 'ok') this.log[i] = { ...call, outcome: 'lost' };
    });
    const kept = this.persisted.filter((p) => p.stamp < since);
    this.persisted.splice(kept.length);
    this.committed = kept.at(-1)?.data;
    this.commits = kept.filter((p) => p.commit).length;
  }

  // The API methods -------------------------------------------------------

  private initialize(parameter: unknown): string {
    const method = 'initialize';
    if (this.state !== 'not-initialized') {
      const running = this.state === 'running';
      const breach = {
        rule: `${this.profile.names.initialize} called ${running ? 'twice' : `after ${this.profile.names.terminate}`}`,
        section: this.profile.section,
        errorCode: running ? this.profile.alreadyInitialized : this.profile.after.initialize,
      };
      return this.reject(method, breach, 'false');
    }
    return (
      this.checkEmptyParameter(method, parameter) ??
      this.injectFault(method, this.faults.initialize, 'false') ??
      this.delegate(
        method,
        () => this.runtime.initialize(),
        () => {
          this.state = 'running';
        },
      )
    );
  }

  private terminate(parameter: unknown): string {
    const method = 'terminate';
    return (
      this.checkState(method, 'false') ??
      this.checkEmptyParameter(method, parameter) ??
      this.loseWhileClosing(method, () => (this.state = 'terminated')) ??
      this.injectFault(method, this.faults.terminate, 'false') ??
      this.delegate(
        method,
        () => this.runtime.terminate(),
        () => {
          this.state = 'terminated';
          // RTE: Terminate persists everything the SCO set, like a Commit.
          this.persist(false);
        },
      )
    );
  }

  private commit(parameter: unknown): string {
    const method = 'commit';
    return (
      this.checkState(method, 'false') ??
      this.checkEmptyParameter(method, parameter) ??
      this.loseWhileClosing(method) ??
      this.injectFault(method, this.faults.commit, 'false') ??
      this.delegate(
        method,
        () => this.runtime.commit(),
        () => {
          this.commits += 1;
          this.persist(true);
        },
      )
    );
  }

  private getValue(element: unknown): string {
    const method = 'getValue';
    const name = String(element);
    const breach = this.profile.rules.checkGet(name);
    return (
      this.checkState(method, '', name) ??
      this.injectFault(method, this.faultFor(this.faults.getValue, name), '', name) ??
      this.answerUnset(name) ??
      (breach ? this.reject(method, breach, '', name) : undefined) ??
      this.delegate(
        method,
        () => this.runtime.getValue(name),
        () => {},
        name,
      )
    );
  }

  private setValue(element: unknown, value: unknown): string {
    const method = 'setValue';
    const name = String(element);
    if (typeof value !== 'string') {
      const breach = {
        rule: `the value must be a string, got ${typeof value}`,
        section: `${this.profile.section} (SetValue takes a characterstring)`,
        errorCode: this.profile.invalidArgument,
      };
      return this.checkState(method, 'false', name, String(value)) ?? this.reject(method, breach, 'false', name, String(value));
    }
    const breach = this.profile.rules.checkSet(name, value, this.heldData());
    return (
      this.checkState(method, 'false', name, value) ??
      this.loseWhileClosing(method, undefined, name, value) ??
      this.injectFault(method, this.faultFor(this.faults.setValue, name), 'false', name, value) ??
      (breach ? this.reject(method, breach, 'false', name, value) : undefined) ??
      this.delegate(
        method,
        () => this.runtime.setValue(name, value),
        () => this.held.set(name, value),
        name,
        value,
      )
    );
  }

  private getLastError(): string {
    return this.record(this.profile.names.getLastError, String(this.lastError), this.lastError, 'ok');
  }

  private getErrorString(code: unknown): string {
    return this.record(this.profile.names.getErrorString, this.runtime.errorString(String(code)), this.lastError, 'ok', String(code));
  }

  private getDiagnostic(code: unknown): string {
    const asked = String(code);
    const text = asked === '' || asked === String(this.lastError) ? this.lastDiagnostic : this.runtime.errorString(asked);
    return this.record(this.profile.names.getDiagnostic, text, this.lastError, 'ok', asked);
  }

  // Steps of a call; each returns the call's result when it ends the call --

  private checkState(method: Method, failed: string, element?: string, value?: string): string | undefined {
    if (this.state === 'running') return undefined;
    const before = this.state === 'not-initialized';
    const breach = {
      rule: `${this.profile.names[method]} called ${before ? `before ${this.profile.names.initialize}` : `after ${this.profile.names.terminate}`}`,
      section: this.profile.section,
      errorCode: before ? this.profile.before[method] : this.profile.after[method],
    };
    return this.reject(method, breach, failed, element, value);
  }

  /** RTE: Initialize, Terminate and Commit take exactly "" as their parameter. */
  private checkEmptyParameter(method: Method, parameter: unknown): string | undefined {
    if (parameter === '') return undefined;
    const breach = {
      rule: `${this.profile.names[method]} must be called with "" (got ${JSON.stringify(parameter) ?? 'undefined'})`,
      section: this.profile.section,
      errorCode: this.profile.invalidArgument,
    };
    return this.reject(method, breach, 'false');
  }

  /** A call made while the course's window closes, on an LMS that loses those: "true", nothing stored. */
  private loseWhileClosing(method: Method, after?: () => void, element?: string, value?: string): string | undefined {
    if (!this.closing || !this.faults.lostOnUnload) return undefined;
    after?.();
    this.setError(0, '');
    return this.record(this.profile.names[method], 'true', 0, 'lost', element, value);
  }

  private injectFault(method: Method, fault: Fault | undefined, failed: string, element?: string, value?: string): string | undefined {
    if (!fault || (fault.times !== undefined && fault.times <= 0)) return undefined;
    if (fault.times !== undefined) fault.times -= 1;
    if (fault.answer !== undefined && method === 'getValue') {
      this.setError(0, '');
      return this.record(this.profile.names[method], fault.answer, 0, 'fault', element, value);
    }
    const errorCode = fault.errorCode ?? this.profile.failure[method];
    // Like real runtimes (scorm-again quotes a refused choice pattern), the diagnostic quotes the value.
    const call = element === undefined ? '' : `(${element}${value === undefined ? '' : `, ${JSON.stringify(value)}`})`;
    this.setError(errorCode, `injected fault: ${this.profile.names[method]}${call} fails with ${errorCode}`);
    return this.record(this.profile.names[method], failed, errorCode, 'fault', element, value);
  }

  /** GetValue of an element the LMS holds no value for, answered the way `faults.unsetGet` says. */
  private answerUnset(element: string): string | undefined {
    const code = this.faults.unsetGet;
    if (code === undefined || this.held.has(element) || element.endsWith('._count') || element.endsWith('._children')) return undefined;
    this.setError(code, `${element} holds no value: this LMS answers ${code}`);
    return this.record(this.profile.names.getValue, '', code, 'fault', element);
  }

  private reject(method: Method, breach: Breach, failed: string, element?: string, value?: string): string {
    const name = this.profile.names[method];
    this.violations.push({ method: name, element, value, ...breach, at: Date.now() });
    this.setError(breach.errorCode, `${breach.rule} (${breach.section})`);
    return this.record(name, failed, breach.errorCode, 'violation', element, value);
  }

  /** Lets scorm-again run the call; any error it reports is a violation too. */
  private delegate(method: Method, call: () => string, onSuccess: () => void, element?: string, value?: string): string {
    let returned: string;
    let errorCode: number;
    try {
      returned = call();
      errorCode = this.runtime.lastError();
    } catch (error) {
      // scorm-again should answer with error codes, never throw; if it does, the course sees 101.
      const breach = { rule: `the LMS runtime threw: ${String(error)}`, section: this.profile.section, errorCode: 101 };
      return this.reject(method, breach, method === 'getValue' ? '' : 'false', element, value);
    }
    if (errorCode === 0) {
      onSuccess();
      this.setError(0, '');
      return this.record(this.profile.names[method], returned, 0, 'ok', element, value);
    }
    const message = this.runtime.errorString(String(errorCode));
    if (method === 'getValue' && this.profile.benignGetErrors.includes(errorCode)) {
      this.setError(errorCode, message);
      return this.record(this.profile.names[method], returned, errorCode, 'ok', element, value);
    }
    const failed = method === 'getValue' ? '' : 'false';
    return this.reject(
      method,
      { rule: `the LMS runtime refused the call: ${message}`, section: this.profile.section, errorCode },
      failed,
      element,
      value,
    );
  }

  private persist(commit: boolean): void {
    this.committed = this.runtime.snapshot();
    this.persisted.push({ stamp: now(), data: this.committed, commit });
  }

  private record(
    method: string,
    returned: string,
    errorCode: number,
    outcome: CallRecord['outcome'],
    element?: string,
    value?: string,
  ): string {
    this.log.push({ method, element, value, returned, errorCode, at: Date.now(), outcome });
    this.stamps.push(now());
    return returned;
  }

  private setError(code: number, diagnostic: string): void {
    this.lastError = code;
    this.lastDiagnostic = diagnostic;
  }

  private faultFor(faults: Record<string, Fault> | undefined, element: string): Fault | undefined {
    if (!faults) return undefined;
    return faults[element] ?? faults[element.replace(/\.\d+(?=\.|$)/g, '.n')];
  }

  private heldData(): HeldData {
    const held = this.held;
    return {
      get: (element) => held.get(element),
      count(collection) {
        const prefix = `${collection}.`;
        let count = 0;
        for (const element of held.keys()) {
          if (!element.startsWith(prefix)) continue;
          const index = /^(\d+)\./.exec(element.slice(prefix.length))?.[1];
          if (index !== undefined) count = Math.max(count, Number(index) + 1);
        }
        return count;
      },
    };
  }

  // The API objects the course calls ----------------------------------------

  private scorm12Api(): Scorm12Api {
    return {
      LMSInitialize: (parameter) => this.initialize(parameter),
      LMSFinish: (parameter) => this.terminate(parameter),
      LMSGetValue: (element) => this.getValue(element),
      LMSSetValue: (element, value) => this.setValue(element, value),
      LMSCommit: (parameter) => this.commit(parameter),
      LMSGetLastError: () => this.getLastError(),
      LMSGetErrorString: (code) => this.getErrorString(code),
      LMSGetDiagnostic: (code) => this.getDiagnostic(code),
    };
  }

  private scorm2004Api(): Scorm2004Api {
    return {
      Initialize: (parameter) => this.initialize(parameter),
      Terminate: (parameter) => this.terminate(parameter),
      GetValue: (element) => this.getValue(element),
      SetValue: (element, value) => this.setValue(element, value),
      Commit: (parameter) => this.commit(parameter),
      GetLastError: () => this.getLastError(),
      GetErrorString: (code) => this.getErrorString(code),
      GetDiagnostic: (code) => this.getDiagnostic(code),
    };
  }
}

/** Now, in ms since the epoch, as precisely as the clock allows (comparable with an event's time in another frame). */
function now(): number {
  return performance.timeOrigin + performance.now();
}
