/** Why a request never got an answer, as a code callers can branch on and the words that go after the URL. */
export interface NetworkFailure {
  code: 'dns' | 'refused' | 'tls' | 'redirects' | 'network';
  message: string;
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Every error code in a fetch failure: undici wraps the socket's error as `cause`, and a host with several
 * addresses fails with an AggregateError of one error per address.
 */
function codesIn(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const e = error as ErrorLike;
  const own = typeof e.code === 'string' ? [e.code] : [];
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((x) => codesIn(x, depth + 1)) : [];
  return [...own, ...codesIn(e.cause, depth + 1), ...nested];
}

function messagesIn(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const e = error as ErrorLike;
  return [...(typeof e.message === 'string' ? [e.message] : []), ...messagesIn(e.cause, depth + 1)];
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const TLS = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/** Describes a rejected `fetch` (not a timeout: the caller knows its own deadline). */
export function describeNetworkFailure(error: unknown, url: URL): NetworkFailure {
  const codes = codesIn(error);
  const messages = messagesIn(error).join(' ');
  const where = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  if (codes.some((c) => DNS.has(c))) {
    return {
      code: 'dns',
      message: `cannot find the server ${url.hostname} (DNS lookup failed): check the address, and that you are online`,
    };
  }
  if (codes.includes('ECONNREFUSED')) {
    return {
      code: 'refused',
      message: `${where} refused the connection: check the address and port, or try again when the server is up`,
    };
  }
  const tls = codes.find((c) => TLS.test(c));
  if (tls) {
    return {
      code: 'tls',
      message: `the secure connection to ${url.hostname} failed (${tls}): open the page in a browser, save it and import the file`,
    };
  }
  if (/redirect count exceeded/i.test(messages)) {
    return {
      code: 'redirects',
      message: 'too many redirects (more than 20): open the page in a browser to see where it ends',
    };
  }
  if (/URL scheme must be a HTTP\(S\) scheme/i.test(messages)) {
    return {
      code: 'redirects',
      message:
        'the server redirected to an address that is not http:// or https://: open the page in a browser',
    };
  }
  const detail = codes[0] ?? (messagesIn(error).at(-1) || 'no answer');
  return {
    code: 'network',
    message: `the connection to ${where} failed (${detail}): try again, or save the page and import the file`,
  };
}
