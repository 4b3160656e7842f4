/**
 * Checks that a request really comes from Alexa, as Amazon requires of every skill endpoint
 * (https://developer.amazon.com/docs/custom-skills/host-a-custom-skill-as-a-web-service.html):
 * - the `SignatureCertChainUrl` is https on s3.amazonaws.com:443 with a path under /echo.api/;
 * - the certificate chain it names is valid now, chains to a trusted root, and the signing certificate
 *   names echo-api.amazon.com in its subject alternative names;
 * - `Signature-256` is the base64 RSA SHA-256 signature of the raw body by that certificate;
 * - the request timestamp is within 150 seconds of now.
 * Built on node:crypto's X509Certificate. The certificate download and the trusted roots are injectable,
 * so tests use a local CA; verified chains are cached by URL until the signing certificate expires.
 */
import { X509Certificate, verify as verifySignature } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { LRUCache } from 'lru-cache';

export const MAX_CLOCK_SKEW_MS = 150_000;
const ALEXA_SAN = 'echo-api.amazon.com';
const MAX_CACHED_CHAINS = 16;

/** Downloads the PEM chain the URL names. */
export type CertificateFetcher = (url: string) => Promise<string>;

export interface VerifierOptions {
  fetchCertificate?: CertificateFetcher;
  /** PEM roots the chain must end in; Node's bundled Mozilla roots by default. */
  trustedRoots?: readonly string[];
  now?: () => Date;
}

export type Verification = { ok: true } | { ok: false; reason: string };

export interface SignedRequest {
  certChainUrl: string | undefined;
  signature: string | undefined;
  rawBody: string;
  /** The request's `request.timestamp` (ISO 8601). */
  timestamp: string | undefined;
}

/** Amazon's rules for the certificate URL, after normalising it (so "/echo.api/../x" is refused). */
export function checkCertChainUrl(raw: string): Verification {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'SignatureCertChainUrl is not a URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'SignatureCertChainUrl must use https' };
  if (url.hostname.toLowerCase() !== 's3.amazonaws.com') return { ok: false, reason: 'SignatureCertChainUrl must be on s3.amazonaws.com' };
  if (!url.pathname.startsWith('/echo.api/')) return { ok: false, reason: 'SignatureCertChainUrl path must start with /echo.api/' };
  if (url.port !== '' && url.port !== '443') return { ok: false, reason: 'SignatureCertChainUrl port must be 443' };
  return { ok: true };
}

export function splitPemChain(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

const fetchOverHttps: CertificateFetcher = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`certificate download answered ${res.status}`);
  return res.text();
};

export class AlexaRequestVerifier {
  private readonly fetchCertificate: CertificateFetcher;
  private readonly roots: X509Certificate[];
  private readonly now: () => Date;
  private readonly chains = new LRUCache<string, X509Certificate>({ max: MAX_CACHED_CHAINS });

  constructor(options: VerifierOptions = {}) {
    this.fetchCertificate = options.fetchCertificate ?? fetchOverHttps;
    this.roots = (options.trustedRoots ?? rootCertificates).map((pem) => new X509Certificate(pem));
    this.now = options.now ?? (() => new Date());
  }

  async verify(request: SignedRequest): Promise<Verification> {
    const time = request.timestamp ? Date.parse(request.timestamp) : NaN;
    if (Number.isNaN(time)) return { ok: false, reason: 'request.timestamp is missing or not a date' };
    if (Math.abs(this.now().getTime() - time) > MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'request.timestamp is more than 150 seconds away' };
    if (!request.certChainUrl) return { ok: false, reason: 'SignatureCertChainUrl header is missing' };
    if (!request.signature) return { ok: false, reason: 'Signature-256 header is missing' };
    const urlCheck = checkCertChainUrl(request.certChainUrl);
    if (!urlCheck.ok) return urlCheck;
    const signer = await this.signingCertificate(request.certChainUrl);
    if (!signer.ok) return signer;
    const valid = verifySignature('sha256', Buffer.from(request.rawBody, 'utf8'), signer.certificate.publicKey, Buffer.from(request.signature, 'base64'));
    return valid ? { ok: true } : { ok: false, reason: 'Signature-256 does not match the body' };
  }

  private async signingCertificate(url: string): Promise<{ ok: true; certificate: X509Certificate } | { ok: false; reason: string }> {
    const cached = this.chains.get(url);
    if (cached && this.isCurrent(cached)) return { ok: true, certificate: cached };
    let chain: X509Certificate[];
    try {
      chain = splitPemChain(await this.fetchCertificate(url));
    } catch (error) {
      return { ok: false, reason: `certificate chain could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
    }
    const problem = this.chainProblem(chain);
    if (problem) return { ok: false, reason: problem };
    this.chains.set(url, chain[0]);
    return { ok: true, certificate: chain[0] };
  }

  private isCurrent(certificate: X509Certificate): boolean {
    const now = this.now().getTime();
    return Date.parse(certificate.validFrom) <= now && now <= Date.parse(certificate.validTo);
  }

  private chainProblem(chain: X509Certificate[]): string | null {
    if (chain.length === 0) return 'certificate chain is empty';
    const [signer] = chain;
    if (!chain.every((certificate) => this.isCurrent(certificate))) return 'a certificate in the chain is expired or not yet valid';
    const names = (signer.subjectAltName ?? '').split(/,\s*/);
    if (!names.includes(`DNS:${ALEXA_SAN}`)) return `signing certificate is not issued to ${ALEXA_SAN}`;
    for (let i = 0; i < chain.length - 1; i++) {
      if (!chain[i].checkIssued(chain[i + 1]) || !chain[i].verify(chain[i + 1].publicKey)) return 'certificate chain is broken';
    }
    const last = chain[chain.length - 1];
    const trusted = this.roots.some((root) => last.fingerprint256 === root.fingerprint256
      || (last.checkIssued(root) && last.verify(root.publicKey)));
    return trusted ? null : 'certificate chain does not end in a trusted root';
  }
}
