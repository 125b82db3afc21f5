import { decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { usableKeys, type IdentityKey, type IdentityKeyRing } from './identity-key-ring';
import type { SignedIdentityVerification } from './signed-identity';
import { compactProfile } from './user-profile';

export interface UserJwtOptions {
  /** Allowed clock difference with the customer's backend, for `exp`, `nbf` and `iat`. */
  clockSkewSeconds?: number;
}

export const MAX_USER_JWT_LENGTH = 8192;
const DEFAULT_CLOCK_SKEW_SECONDS = 30;

/** The profile attributes a JWT may sign (S7); the same bounds as the profile contract. */
const SignedProfileClaims = z.object({
  email: z.email().max(254).optional(),
  name: z.string().min(1).max(255).optional(),
  phone: z.string().min(1).max(64).optional(),
  company: z.string().min(1).max(255).optional(),
});

const INVALID: SignedIdentityVerification = Object.freeze({
  ok: false,
  reason: 'user-jwt-invalid',
});

/**
 * S7, `user.user_jwt`: an HS256 JWT (no other algorithm) signed with a key usable at `now`, with an
 * `exp` not past, whose `user_id` (or, without one, `sub`) is the `user_id` presented. A `kid` header
 * selects the key; without one every usable key is tried. Signed `email`, `name`, `phone` and
 * `company` claims come back as `signedProfile`.
 */
export async function verifyUserJwt(
  userId: string,
  token: string,
  ring: IdentityKeyRing,
  now: Date,
  options: UserJwtOptions = {},
): Promise<SignedIdentityVerification> {
  if (token.length === 0 || token.length > MAX_USER_JWT_LENGTH) return INVALID;
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'HS256') return INVALID;
    kid = header.kid;
  } catch {
    return INVALID;
  }
  const keys = usableKeys(ring, now).filter((key) => kid === undefined || key.keyId === kid);
  for (const key of keys) {
    const payload = await verifiedPayload(token, key, now, options);
    if (payload === undefined) continue;
    if (claimedUserId(payload) !== userId) return INVALID;
    const profile = SignedProfileClaims.safeParse(payload);
    if (!profile.success) return INVALID;
    return {
      ok: true,
      proof: 'user_jwt',
      verifiedBy: key.keyId,
      signedProfile: compactProfile(profile.data),
    };
  }
  return INVALID;
}

async function verifiedPayload(
  token: string,
  key: IdentityKey,
  now: Date,
  options: UserJwtOptions,
): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(key.secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      currentDate: now,
      clockTolerance: options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
    });
    return payload;
  } catch {
    return undefined;
  }
}

function claimedUserId(payload: JWTPayload): string | undefined {
  const claimed = payload['user_id'] ?? payload.sub;
  if (typeof claimed === 'string') return claimed;
  if (typeof claimed === 'number' && Number.isSafeInteger(claimed)) return String(claimed);
  return undefined;
}
