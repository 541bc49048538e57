/**
 * The strict host's launch settings as they travel from a test (Node) to the
 * host page (browser): JSON in `window.__lmsConfig`, checked on arrival.
 */
import type { Fault, FaultPlan, StrictHostOptions } from './strict-scorm.js';
import type { FlatCmi } from './session-seed.js';

/** The global the host page sets before host.js runs. */
export const CONFIG_GLOBAL = '__lmsConfig';

/** Reads and checks `window.__lmsConfig`; throws with a clear message when it is malformed. */
export function parseHostConfig(raw: unknown): StrictHostOptions {
  if (!isRecord(raw)) throw new TypeError(`${CONFIG_GLOBAL} must be an object`);
  const { version, seed, faults } = raw;
  if (version !== '1.2' && version !== '2004') throw new TypeError(`${CONFIG_GLOBAL}.version must be "1.2" or "2004"`);
  return {
    version,
    seed: seed === undefined ? undefined : parseSeed(seed),
    faults: faults === undefined ? undefined : parseFaults(faults),
  };
}

function parseSeed(raw: unknown): FlatCmi {
  if (!isRecord(raw)) throw new TypeError(`${CONFIG_GLOBAL}.seed must be an object of strings`);
  const seed: FlatCmi = {};
  for (const [element, value] of Object.entries(raw)) {
    if (typeof value !== 'string') throw new TypeError(`${CONFIG_GLOBAL}.seed["${element}"] must be a string`);
    seed[element] = value;
  }
  return seed;
}

function parseFaults(raw: unknown): FaultPlan {
  if (!isRecord(raw)) throw new TypeError(`${CONFIG_GLOBAL}.faults must be an object`);
  const plan: FaultPlan = {};
  for (const key of ['initialize', 'commit', 'terminate'] as const) {
    if (raw[key] !== undefined) plan[key] = parseFault(raw[key], key);
  }
  if (typeof raw.unsetGet === 'number') plan.unsetGet = raw.unsetGet;
  if (raw.lostOnUnload === true) plan.lostOnUnload = true;
  for (const key of ['setValue', 'getValue'] as const) {
    const byElement = raw[key];
    if (byElement === undefined) continue;
    if (!isRecord(byElement)) throw new TypeError(`${CONFIG_GLOBAL}.faults.${key} must map elements to faults`);
    plan[key] = Object.fromEntries(Object.entries(byElement).map(([element, fault]) => [element, parseFault(fault, `${key}.${element}`)]));
  }
  return plan;
}

function parseFault(raw: unknown, where: string): Fault {
  if (!isRecord(raw)) throw new TypeError(`${CONFIG_GLOBAL}.faults.${where} must be an object`);
  const fault: Fault = {};
  if (typeof raw.errorCode === 'number') fault.errorCode = raw.errorCode;
  if (typeof raw.times === 'number') fault.times = raw.times;
  if (typeof raw.answer === 'string') fault.answer = raw.answer;
  return fault;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
