/**
 * The credential scan: values that give access are reported (masked), while
 * code that handles credentials and prose about them is not; our packages,
 * whose JS builds Authorization headers, scan clean.
 */
import { describe, expect, it } from 'vitest';
import { checkPackageBytes } from '../../scripts/check/check-package.js';
import { scanCredentials, scanText } from '../../scripts/check/credentials.js';
import { addText, brokenZip, goodFiles, ZIP_TARGETS } from '../fixtures/packages/packages.js';

describe('scanning for credentials', () => {
  it.each(ZIP_TARGETS)('finds none in our %s package', (target) => {
    expect(scanCredentials(Object.entries(goodFiles(target)))).toEqual([]);
  });

  it('reports an LRS key pasted into a package’s script, with file, line and a masked value', async () => {
    const zip = brokenZip('xapi', (files) =>
      addText(
        files,
        'assets/lrs.js',
        'const lrs = {\n  endpoint: "https://lrs.example.com/xapi/",\n  auth: "Basic bHJzdXNlcjpzM2NyZXQ=",\n};\n',
      ),
    );
    const report = await checkPackageBytes('leaky.zip', zip);
    expect(report.findings).toEqual([
      {
        level: 'error',
        where: 'assets/lrs.js:3',
        message:
          'embedded HTTP Basic credentials (bHJz… 20 characters): anyone who can open the package can read it; remove it and revoke it',
      },
    ]);
    expect(JSON.stringify(report.findings)).not.toContain('bHJzdXNlcjpzM2NyZXQ=');
  });

  it.each([
    ['an Authorization header', 'headers["Authorization"] = "Basic dXNlcjpwYXNzd29yZA==";', 'HTTP Basic credentials'],
    ['an auth-token value', '{"auth-token": "QWxhZGRpbjpPcGVuU2VzYW1l"}', 'credential (a literal value assigned to a secret-named key)'],
    [
      'an auth= launch parameter',
      '<a href="index.html?endpoint=https://lrs.example.com&auth=Basic%20dXNlcjpwYXNz">',
      'credential in a URL',
    ],
    ['an AWS access key id', 'aws_access_key_id = AKIAZ7X3Q2W9E8R5T1Y4', 'AWS access key id'],
    ['a private key', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow…', 'private key'],
    ['a password setting', 'LRS_PASSWORD=hunter2hunter2', 'credential (a value assigned to a secret-named setting)'],
    ['a bearer token', "fetch(u, { headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc' } })", 'bearer token'],
  ])('reports %s', (_, text, what) => {
    const file = text.startsWith('LRS_') ? 'settings.env' : 'page.html';
    expect(scanText(file, text).map((f) => f.message.split(/ \(|:/)[0])).toEqual([`embedded ${what.split(' (')[0]}`]);
  });

  it.each([
    ['prose about passwords', '<p>Never share a password or access keys. Use Basic Authentication only over HTTPS.</p>'],
    ['code that builds the header', 'h.set(`Authorization`,`Basic `+btoa(u+`:`+p));let r=C(e.endpoint,`Basic ${n}`);'],
    ['code that reads the launch parameter', 'const auth = params.get("auth"); const url = `${base}?auth=${token}`;'],
    ['AWS’s documented example key', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
    ['a placeholder', 'password: "<your password>", secret: "${SECRET}"'],
  ])('does not report %s', (_, text) => {
    expect(scanText('page.html', text)).toEqual([]);
  });
});
