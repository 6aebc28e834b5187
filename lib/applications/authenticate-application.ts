import "server-only";
import { db } from "@/lib/db";
import { ApiProblem } from "@/lib/api/problem";
import { hashApplicationSecret, isWellFormedSecret, secretMatches } from "@/lib/applications/application-secret";

export type AuthenticatedApplication = { id: string; clientId: string; name: string; rateLimitPerMinute: number | null };

/** lastUsedAt is for people ("is this key still in use?"): a minute's precision saves a write per request. */
const LAST_USED_PRECISION_MS = 60_000;
const REALM = 'Bearer realm="api"';

/**
 * Who is calling the flow API: the application whose key is in `Authorization: Bearer <key>`. A
 * missing header is 401 UNAUTHENTICATED; a header that is not a bearer key, a key that is not one of
 * ours (the checksum says so without a query), a key we do not know and a revoked key are all 401
 * INVALID_CREDENTIALS, the last two with the same words, so an answer never confirms that a key once
 * existed. The `WWW-Authenticate` challenge follows RFC 6750.
 *
 * The key is found by its hash (a unique index) and then compared with the stored hash in constant
 * time. Since the hash of a 256-bit random key says nothing usable about the key, the lookup's own
 * timing gives nothing away either.
 */
export async function authenticateApplication(options: { authorization: string | null; now?: Date }): Promise<AuthenticatedApplication> {
  const header = options.authorization?.trim() ?? "";
  if (header === "") {
    throw new ApiProblem("UNAUTHENTICATED", "Send your API key in the Authorization header: `Authorization: Bearer <key>`.", {
      headers: { "WWW-Authenticate": REALM },
    });
  }
  const match = /^Bearer +(\S+)$/i.exec(header);
  if (!match) throw invalid("The Authorization header must be `Bearer` followed by your API key.");
  const secret = match[1]!;
  if (!isWellFormedSecret(secret)) throw invalid("That is not an API key of this service: keys start with `mfa_sk_`, followed by 49 letters and digits.");
  const application = await db.apiApplication.findUnique({
    where: { secretHash: hashApplicationSecret(secret) },
    select: { id: true, clientId: true, name: true, rateLimitPerMinute: true, secretHash: true, revokedAt: true, lastUsedAt: true },
  });
  if (!application || !secretMatches(secret, application.secretHash) || application.revokedAt) {
    throw invalid("The API key is not valid, or it was revoked.");
  }
  const now = options.now ?? new Date();
  if (!application.lastUsedAt || application.lastUsedAt.getTime() <= now.getTime() - LAST_USED_PRECISION_MS) {
    // Conditional, so of many parallel requests only one writes.
    await db.apiApplication.updateMany({
      where: { id: application.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { id: application.id, clientId: application.clientId, name: application.name, rateLimitPerMinute: application.rateLimitPerMinute };
}

function invalid(detail: string) {
  return new ApiProblem("INVALID_CREDENTIALS", detail, { headers: { "WWW-Authenticate": `${REALM}, error="invalid_token"` } });
}
