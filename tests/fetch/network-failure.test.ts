import { describe, expect, it } from 'vitest';
import { describeNetworkFailure } from '../../src/fetch/network-failure.ts';

const url = new URL('https://courses.example.edu:8443/cs101/');
const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('describeNetworkFailure', () => {
  it('finds the code inside an AggregateError, as for a host with an IPv4 and an IPv6 address', () => {
    const both = Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], ''), {
      code: undefined,
    });
    expect(describeNetworkFailure(fetchFailed(both), url)).toEqual({
      code: 'refused',
      message:
        'courses.example.edu:8443 refused the connection: check the address and port, or try again when the server is up',
    });
  });

  it('names a DNS failure that is only temporary too', () => {
    expect(describeNetworkFailure(fetchFailed(coded('EAI_AGAIN')), url).code).toBe('dns');
  });

  it('names a certificate problem by its code', () => {
    expect(describeNetworkFailure(fetchFailed(coded('CERT_HAS_EXPIRED')), url)).toEqual({
      code: 'tls',
      message:
        'the secure connection to courses.example.edu failed (CERT_HAS_EXPIRED): open the page in a browser, ' +
        'save it and import the file',
    });
  });

  it('falls back to the first code, else the innermost message', () => {
    expect(describeNetworkFailure(fetchFailed(coded('ECONNRESET')), url).message).toBe(
      'the connection to courses.example.edu:8443 failed (ECONNRESET): try again, or save the page and import the file',
    );
    expect(describeNetworkFailure(fetchFailed(new Error('other side closed')), url).message).toContain(
      '(other side closed)',
    );
  });
});
