import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, USER_AGENT } from '../../src/fetch/fetch-page.ts';
import { page, redirect, startPageServer, type PageServer } from './page-server.ts';

const SCHEDULE = `<!doctype html>
<html><head><title>HIST 210 schedule</title></head>
<body>
<h1>HIST 210: Cities of the Ancient World</h1>
<table>
  <tr><th>Date</th><th>Topic</th><th>Readings</th></tr>
  <tr><td>Sep 3</td><td>Why cities?</td><td><a href="readings/mumford.pdf">Mumford ch1</a></td></tr>
  <tr><td>Sep 5</td><td>Uruk</td><td>Liverani ch2</td></tr>
</table>
</body></html>`;

const LOGIN = `<!doctype html>
<html><head><title>Central Authentication Service</title>
<script>var session = { started: "2025-09-02" };</script></head>
<body><h1>Sign in with your campus account</h1>
<form method="post"><input name="user"><input type="password" name="pw"><button>Log in</button></form>
</body></html>`;

const LANDING = `<html><body><h1>Department of History</h1>
<p>Welcome! Find our people, our programmes and how to reach us.</p></body></html>`;

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** Sends chunks for as long as the client keeps reading: only a reader that stops makes this end. */
function endless(res: ServerResponse, type: string): void {
  const chunk = Buffer.alloc(64 * 1024, 'Sep 2 lecture notes\n');
  res.writeHead(200, { 'content-type': type });
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
  };
  res.on('drain', pump);
  pump();
}

let site: PageServer;
beforeAll(async () => {
  site = await startPageServer({
    '/schedule.html': page(SCHEDULE, 'text/html; charset=utf-8'),
    '/schedule.csv': page('Date,Topic\n2025-09-02,Intro\n2025-09-04,Sorting\n', 'text/csv'),
    '/schedule.md': page('| Date | Topic |\n| --- | --- |\n| Sep 2 | Intro |\n', 'text/plain'),
    '/schedule.txt': page('Sep 2  Intro\nSep 4  Sorting\n', null),
    '/latin1.html': page(
      Buffer.from('<table><tr><td>Sep 3</td><td>Caf\u00e9 society</td></tr></table>', 'latin1'),
      'text/html; charset=iso-8859-1',
    ),
    '/utf16.txt': page(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Sep 2  Intro\nSep 4  Sorting\n', 'utf16le')]),
      'text/plain',
    ),
    '/binary.txt': page(Buffer.from('Sep 2\u0000\u0001\u0002 Intro', 'latin1'), 'text/plain'),
    '/old': redirect('/moved', 301),
    '/moved': redirect('/term/fall/schedule.html', 302),
    '/term/fall/schedule.html': page(SCHEDULE, 'text/html'),
    '/loop': redirect('/loop'),
    '/to-ftp': redirect('ftp://example.edu/schedule.txt'),
    '/stub.html': page(
      '<html><head><META CONTENT="0; URL=\'term/fall/schedule.html\'" HTTP-EQUIV="Refresh"></head>' +
        '<body>This page has moved.</body></html>',
      'text/html',
    ),
    '/stub-loop.html': page('<meta http-equiv="refresh" content="1;url=/stub-loop.html">Moved.', 'text/html'),
    '/broken': page('<h1>Internal error</h1>', 'text/html', 500),
    '/private': page('<h1>Forbidden</h1>', 'text/html', 403),
    '/login': redirect('/cas/login?service=schedule'),
    '/cas/login': page(LOGIN, 'text/html'),
    '/landing': page(LANDING, 'text/html'),
    '/dated-login-link': page(
      `${SCHEDULE.replace('<h1>', '<p><a href="/cas">Sign in</a> to see grades</p><h1>')}`,
      'text/html',
    ),
    '/empty': page('  \n', 'text/html'),
    '/logo.png': page(PNG, 'image/png'),
    '/syllabus.pdf': page('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj', 'application/pdf'),
    '/mislabelled.pdf': page('%PDF-1.7\n1 0 obj', 'text/plain'),
    '/big': page('x'.repeat(5000), 'text/plain'),
    '/endless': (_req, res) => endless(res, 'text/plain'),
    '/silent': () => undefined,
    '/trickle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<table><tr><td>Sep 3</td>');
    },
  });
});
afterAll(() => site.close());

describe('fetchPage', () => {
  it('returns an HTML page with its format, content type and address, sent with our User-Agent', async () => {
    const result = await fetchPage(site.url('/schedule.html'));
    expect(result).toEqual({
      ok: true,
      text: SCHEDULE,
      finalUrl: site.url('/schedule.html'),
      contentType: 'text/html; charset=utf-8',
      format: 'html',
    });
    expect(site.agents.at(-1)).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^coursebot\/\S+ \(/);
  });

  it('tells CSV by its content type, and Markdown or text served as text/plain or untyped by the content', async () => {
    const csv = await fetchPage(site.url('/schedule.csv'));
    expect(csv).toMatchObject({ ok: true, format: 'csv', contentType: 'text/csv' });
    expect(await fetchPage(site.url('/schedule.md'))).toMatchObject({ ok: true, format: 'markdown' });
    expect(await fetchPage(site.url('/schedule.txt'))).toMatchObject({
      ok: true,
      format: 'text',
      contentType: '',
    });
  });

  it('decodes the charset the server names, and UTF-16 by its byte order mark', async () => {
    const result = await fetchPage(site.url('/latin1.html'));
    expect(result.ok && result.text).toContain('Caf\u00e9 society');
    expect(await fetchPage(site.url('/utf16.txt'))).toMatchObject({
      ok: true,
      text: 'Sep 2  Intro\nSep 4  Sorting\n',
      format: 'text',
    });
  });

  it('follows a redirect chain and returns the final address, which relative links resolve against', async () => {
    const result = await fetchPage(site.url('/old'));
    expect(result).toMatchObject({
      ok: true,
      format: 'html',
      finalUrl: site.url('/term/fall/schedule.html'),
    });
    if (!result.ok) return;
    expect(new URL('readings/mumford.pdf', result.finalUrl).href).toBe(
      site.url('/term/fall/readings/mumford.pdf'),
    );
  });

  it('follows a page that only forwards with a meta refresh', async () => {
    expect(await fetchPage(site.url('/stub.html'))).toMatchObject({
      ok: true,
      format: 'html',
      finalUrl: site.url('/term/fall/schedule.html'),
    });
    expect(await fetchPage(site.url('/stub-loop.html'))).toEqual({
      ok: false,
      code: 'redirects',
      message:
        `${site.url('/stub-loop.html')}: too many redirects (the page forwards more than 5 times): ` +
        'open it in a browser to see where it ends',
    });
  });

  it('stops a redirect loop with one line', async () => {
    expect(await fetchPage(site.url('/loop'))).toEqual({
      ok: false,
      code: 'redirects',
      message: `${site.url('/loop')}: too many redirects (more than 20): open the page in a browser to see where it ends`,
    });
  });

  it('gives HTTP errors one line each, with the status', async () => {
    expect(await fetchPage(site.url('/nowhere.html'))).toEqual({
      ok: false,
      code: 'http-status',
      status: 404,
      message: `${site.url('/nowhere.html')}: no page at this address: check it in a browser (HTTP 404 Not Found)`,
    });
    expect(await fetchPage(site.url('/broken'))).toEqual({
      ok: false,
      code: 'http-status',
      status: 500,
      message:
        `${site.url('/broken')}: the server failed: try again later, or save the page from your browser ` +
        'and import the file (HTTP 500 Internal Server Error)',
    });
    // A fragment is not a redirect.
    expect(await fetchPage(site.url('/broken#week-3'))).toMatchObject({
      message: expect.stringMatching(/#week-3: the server failed: .*\(HTTP 500 Internal Server Error\)$/),
    });
    const forbidden = await fetchPage(site.url('/private'));
    expect(forbidden).toMatchObject({ ok: false, code: 'http-status', status: 403 });
    expect(!forbidden.ok && forbidden.message).toContain('may need a login');
  });

  it('tells a sign-in page from a schedule, even behind a redirect and with a date in a script', async () => {
    expect(await fetchPage(site.url('/login'))).toEqual({
      ok: false,
      code: 'login-page',
      message:
        `${site.url('/login')}: this is a sign-in page, not the schedule (redirected to ` +
        `${site.url('/cas/login?service=schedule')}): make the schedule public, or save it from your ` +
        'browser and import the file',
    });
    // A schedule that merely links to a sign-in page is still a schedule.
    expect(await fetchPage(site.url('/dated-login-link'))).toMatchObject({ ok: true, format: 'html' });
  });

  it('refuses a page without any date, and an empty one', async () => {
    expect(await fetchPage(site.url('/landing'))).toEqual({
      ok: false,
      code: 'not-schedule',
      message:
        `${site.url('/landing')}: no dates on this page, so it is not a schedule: pass the address of ` +
        'the page that lists the classes and their dates',
    });
    expect(await fetchPage(site.url('/empty'))).toMatchObject({ ok: false, code: 'empty' });
  });

  it('refuses an image and a PDF by name, by their content type or their bytes', async () => {
    expect(await fetchPage(site.url('/logo.png'))).toEqual({
      ok: false,
      code: 'unsupported-type',
      message:
        `${site.url('/logo.png')}: this is an image (image/png), not a web page: copy the schedule table ` +
        'into a text or CSV file and import that file',
    });
    const pdf = await fetchPage(site.url('/syllabus.pdf'));
    expect(pdf).toMatchObject({ ok: false, code: 'unsupported-type' });
    expect(!pdf.ok && pdf.message).toContain(': this is a PDF, not a web page:');
    expect(await fetchPage(site.url('/binary.txt'))).toMatchObject({
      ok: false,
      code: 'unsupported-type',
      message: `${site.url('/binary.txt')}: this is a binary file, not text: copy the schedule table into a text or CSV file and import that file`,
    });
    expect(await fetchPage(site.url('/mislabelled.pdf'))).toMatchObject({
      ok: false,
      code: 'unsupported-type',
      message: expect.stringContaining('this is a PDF'),
    });
  });

  it('refuses a page past the size cap, by its length or while it streams', async () => {
    const declared = await fetchPage(site.url('/big'), { maxBytes: 1000 });
    expect(declared).toEqual({
      ok: false,
      code: 'too-large',
      message:
        `${site.url('/big')}: the page is larger than 1000 bytes, too large for a schedule: save the ` +
        'schedule part of it and import the file',
    });
    // The endless page never ends: only a reader that stops at the cap returns at all.
    expect(await fetchPage(site.url('/endless'), { maxBytes: 100_000 })).toMatchObject({
      ok: false,
      code: 'too-large',
      message: expect.stringContaining('larger than 98 kB'),
    });
  });

  it('stops at the real 5 MB cap by default', async () => {
    const result = await fetchPage(site.url('/endless'));
    expect(result).toMatchObject({
      ok: false,
      code: 'too-large',
      message: expect.stringContaining(': the page is larger than 5 MB, too large for a schedule'),
    });
  });

  it('times out a server that does not answer, and one that stops halfway', async () => {
    expect(await fetchPage(site.url('/silent'), { timeoutMs: 100 })).toEqual({
      ok: false,
      code: 'timeout',
      message:
        `${site.url('/silent')}: no answer within 100 ms: the server is slow or unreachable; try again, ` +
        'or save the page and import the file',
    });
    expect(await fetchPage(site.url('/trickle'), { timeoutMs: 100 })).toMatchObject({
      ok: false,
      code: 'timeout',
      message: expect.stringContaining(': the page did not finish loading within 100 ms:'),
    });
  });

  it('says the connection was refused when nothing listens', async () => {
    const gone = await startPageServer({});
    const address = gone.url('/schedule.html');
    await gone.close();
    const port = new URL(address).port;
    expect(await fetchPage(address)).toEqual({
      ok: false,
      code: 'refused',
      message:
        `${address}: 127.0.0.1:${port} refused the connection: check the address and port, or try again ` +
        'when the server is up',
    });
  });

  it('names a DNS failure (as undici reports it)', async () => {
    const lookupFailed: typeof fetch = () =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND courses.example.invalid'), {
            code: 'ENOTFOUND',
          }),
        }),
      );
    expect(await fetchPage('https://courses.example.invalid/s.html', { fetch: lookupFailed })).toEqual({
      ok: false,
      code: 'dns',
      message:
        'https://courses.example.invalid/s.html: cannot find the server courses.example.invalid ' +
        '(DNS lookup failed): check the address, and that you are online',
    });
  });

  it('refuses a redirect away from the web', async () => {
    expect(await fetchPage(site.url('/to-ftp'))).toEqual({
      ok: false,
      code: 'redirects',
      message: `${site.url('/to-ftp')}: the server redirected to an address that is not http:// or https://: open the page in a browser`,
    });
  });

  it('refuses an address with a password in it, without repeating the password', async () => {
    const requests = site.agents.length;
    const result = await fetchPage(site.url('/schedule.html').replace('//', '//ta:s3cret@'));
    expect(result).toMatchObject({ ok: false, code: 'bad-url' });
    expect(!result.ok && result.message).toMatch(
      new RegExp(
        `^${site.url('/schedule.html')}: an address with a user name or password in it cannot be fetched`,
      ),
    );
    expect(site.agents).toHaveLength(requests);
  });

  it('refuses an address it cannot fetch without trying', async () => {
    expect(await fetchPage('https://')).toMatchObject({ ok: false, code: 'bad-url' });
    expect(await fetchPage('ftp://example.edu/s.html')).toMatchObject({
      ok: false,
      code: 'bad-url',
      message: expect.stringContaining('only http:// and https:// addresses can be fetched'),
    });
  });
});
