/**
 * Credentials shipped in a package. Everyone who can launch a package can
 * download every file in it, so an LRS key, a password or a private key in
 * there is published. (cmi5 and xAPI launches get credentials from the LMS at
 * run time: cmi5 §8.2 fetch, the xAPI launch's `auth` parameter.)
 *
 * The patterns look for values, not for words: code that *handles* an
 * Authorization header or reads `auth` from the launch URL is fine, and so is
 * prose about passwords. Reported values are masked.
 */
import { error, warning, type Finding } from './types.js';

interface Rule {
  readonly what: string;
  readonly pattern: RegExp;
  /** Which capture group holds the secret (0: the whole match). */
  readonly group: number;
  /** Only in configuration-like files (.env, .ini, .yaml, .txt …), not in scripts, pages or prose. */
  readonly configOnly?: boolean;
  /** False for a match that is not a credential after all. */
  readonly accept?: (secret: string) => boolean;
}

const KEY_NAMES = String.raw`auth|auth[-_]?token|authorization|password|passwd|pwd|secret|client[-_]?secret|secret[-_]?key|private[-_]?key|api[-_]?key|access[-_]?token|aws_secret_access_key`;

const RULES: readonly Rule[] = [
  { what: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g, group: 0 },
  {
    what: 'AWS access key id',
    pattern: /\b((?:AKIA|ASIA)[0-9A-Z]{16})\b/g,
    group: 1,
    // SPEC NOTE: AWS's documentation uses AKIAIOSFODNN7EXAMPLE; an IAM course may quote it.
    accept: (key) => !key.endsWith('EXAMPLE'),
  },
  {
    what: 'AWS secret access key',
    pattern: /aws_secret_access_key["'`]?\s*[:=]\s*["'`]?([A-Za-z0-9/+=]{40})/gi,
    group: 1,
    accept: (key) => !key.endsWith('EXAMPLEKEY'),
  },
  { what: 'HTTP Basic credentials', pattern: /\bBasic\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g, group: 1, accept: looksLikeToken },
  { what: 'bearer token', pattern: /\bBearer\s+([A-Za-z0-9\-._~+/]{16,}=*)/g, group: 1, accept: looksLikeToken },
  {
    what: 'credential in a URL',
    pattern: /[?&](?:auth|authorization|password|passwd|pwd|secret|token|access_token|api_?key)=([^&#\s"'`<>]{4,})/gi,
    group: 1,
    accept: isLiteralValue,
  },
  {
    what: 'credential (a literal value assigned to a secret-named key)',
    pattern: new RegExp(String.raw`(["'\x60]?)\b(?:${KEY_NAMES})\1\s*[:=]\s*(["'\x60])([^"'\x60\r\n]{4,}?)\2`, 'gi'),
    group: 3,
    accept: (value) => isLiteralValue(value) && !/\s/.test(value),
  },
  {
    what: 'credential (a value assigned to a secret-named setting)',
    // The secret word is a whole part of the name (LRS_AUTH, db.password, api-key), so "author:" is not one.
    pattern:
      /^[ \t]*(?:export[ \t]+)?(?:[A-Za-z0-9]+[_.-])*(?:auth|password|passwd|pwd|secret|token|api_?key|apikey)(?:[_.-][A-Za-z0-9]+)*[ \t]*[=:][ \t]*([^\s#'"`]{4,})/gim,
    group: 1,
    configOnly: true,
    accept: isLiteralValue,
  },
];

/** Files never scanned: binary formats whose bytes can match by chance. */
const BINARY =
  /\.(png|jpe?g|gif|webp|avif|ico|bmp|tiff?|svgz|mp3|mp4|m4a|m4v|ogg|oga|ogv|wav|webm|mov|woff2?|ttf|otf|eot|pdf|zip|gz|swf|wasm)$/i;
/** Where an unquoted `name = value` is a setting (elsewhere it is mostly code or prose). */
const CONFIG = /(^|\/)\.env(\..+)?$|\.(env|ini|cfg|conf|config|properties|ya?ml|toml|sh|bat|cmd|ps1|txt)$/i;
/** Names that usually hold secrets. */
const SECRET_FILE =
  /(^|\/)(\.env(\..+)?|\.npmrc|\.netrc|\.htpasswd|\.pgpass|credentials|id_(rsa|dsa|ecdsa|ed25519)|[^/]+\.(pem|p12|pfx|keystore|jks))$/i;

/** At most this many findings per rule and file: one is enough to act on. */
const PER_FILE = 5;

/** Formats never scanned: their bytes can match a pattern by chance. */
export function isBinaryName(name: string): boolean {
  return BINARY.test(name);
}

/** A warning for a file whose name suggests it holds secrets. */
export function scanFileName(name: string): Finding[] {
  return SECRET_FILE.test(name)
    ? [warning(name, 'the file name suggests credentials (key, certificate or .env file); make sure nothing secret ships')]
    : [];
}

/** Findings for one file's contents (the checker streams each text file through this). */
export function scanFile(name: string, bytes: Uint8Array): Finding[] {
  if (isBinaryName(name)) return [];
  const text = textOf(bytes);
  return text === undefined ? [] : scanText(name, text);
}

/** Every file of a package, names and contents (for tests and small in-memory packages). */
export function scanCredentials(files: Iterable<readonly [string, Uint8Array]>): Finding[] {
  const findings: Finding[] = [];
  for (const [name, bytes] of files) findings.push(...scanFileName(name), ...scanFile(name, bytes));
  return findings;
}

/** Findings for one text file; exported for tests. */
export function scanText(name: string, text: string): Finding[] {
  const findings: { line: number; finding: Finding }[] = [];
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
  for (const rule of RULES) {
    if (rule.configOnly && !CONFIG.test(name)) continue;
    let count = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const secret = match[rule.group] ?? '';
      if (rule.accept && !rule.accept(secret)) continue;
      const line = lineOf(lineStarts, match.index ?? 0);
      const shown = rule.group === 0 ? '' : ` (${mask(secret)})`;
      findings.push({
        line,
        finding: error(
          `${name}:${line}`,
          `embedded ${rule.what}${shown}: anyone who can open the package can read it; remove it and revoke it`,
        ),
      });
      if (++count === PER_FILE) break;
    }
  }
  return findings.sort((a, b) => a.line - b.line).map((f) => f.finding);
}

/**
 * The text of a file, or undefined for a binary one (a NUL byte). Text that is
 * not UTF-8 is read as Latin-1, so a key in a legacy-encoded file is still found.
 */
function textOf(bytes: Uint8Array): string | undefined {
  if (bytes.subarray(0, 8000).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** Not prose ("Basic Authentication", "Bearer TokenProvider"): a token has digits, symbols or mixed case inside. */
function looksLikeToken(value: string): boolean {
  if (/^[A-Z]?[a-z]+$/.test(value) || /^([A-Z][a-z]+)+$/.test(value)) return false;
  return isLiteralValue(value);
}

/** Not a placeholder, a template or a type: "${token}", "{{auth}}", "<password>", "%s", "****", "user:password", "boolean". */
function isLiteralValue(value: string): boolean {
  if (/^[$%{<[(]|\$\{|\{\{|^\*+$|^x+$|^\.+$/i.test(value)) return false;
  if (/^user(name)?:pass(word)?$/i.test(value)) return false;
  return !/^(changeme|placeholder|example|value|your[-_a-z]*|undefined|null|true|false|none|boolean|string|number|read|write|required|optional|password|secret|token)$/i.test(
    value,
  );
}

function lineOf(lineStarts: readonly number[], index: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Enough to find it, not enough to use it. */
function mask(secret: string): string {
  return secret.length <= 6 ? '…' : `${secret.slice(0, 4)}… ${secret.length} characters`;
}
