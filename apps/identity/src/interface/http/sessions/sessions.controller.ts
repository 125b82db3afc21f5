import { Body, Controller, Headers, HttpCode, HttpException, Post } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe, correlationIdOf } from '@threadline/service-kit';
import { DeviceSessions } from '../../../application/sessions/device-sessions.service';
import type { SessionRejection } from '../../../application/sessions/session-tokens.port';

const TokenBody = z.strictObject({ token: z.string().min(1).max(4_096) });
type TokenBody = z.output<typeof TokenBody>;

const explanations: Record<SessionRejection, string> = {
  malformed: 'the session token is not a token this service issues',
  'bad-signature': 'the session token signature does not verify',
  expired: 'the session token has expired',
  ended: 'the session has ended (logout)',
};

/** Never echoes the token: only the reason it was refused. */
function refused(reason: SessionRejection): HttpException {
  return new HttpException(
    { statusCode: 401, error: 'SESSION_REJECTED', reason, message: explanations[reason] },
    401,
  );
}

/** The session check the gateway runs on every widget request, and logout (S8). Internal only. */
@Controller('internal/sessions')
export class SessionsController {
  constructor(private readonly sessions: DeviceSessions) {}

  @Post('verify')
  @HttpCode(200)
  async verify(@Body(new ZodValidationPipe(TokenBody)) body: TokenBody) {
    const result = await this.sessions.verify(body.token);
    if (!result.ok) throw refused(result.reason);
    const { sessionId, applicationId, subject, deviceId, expiresAt } = result.claims;
    return { sessionId, applicationId, subject, deviceId, expiresAt: expiresAt.toISOString() };
  }

  /** Logout; ending an ended (or expired) session again is a success that records nothing. */
  @Post('end')
  @HttpCode(204)
  async end(
    @Body(new ZodValidationPipe(TokenBody)) body: TokenBody,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    const result = await this.sessions.end(body.token, correlationIdOf(correlationId));
    if (!result.ok) throw refused(result.reason);
  }
}
