import { Body, Controller, HttpCode, HttpException, Post } from '@nestjs/common';
import { AgentSignInBody } from '@threadline/contracts';
import { z } from 'zod';
import { ZodValidationPipe } from '@threadline/service-kit';
import { AgentSignIn, type AgentSignedIn } from '../../../application/agents/agent-sign-in.service';
import type { AgentTokenRejection } from '../../../application/agents/agent-tokens.port';

const TokenBody = z.strictObject({ token: z.string().min(1).max(4_096) });
type TokenBody = z.output<typeof TokenBody>;

const explanations: Record<AgentTokenRejection, string> = {
  malformed: 'the agent token is not a token this service issues',
  'bad-signature': 'the agent token signature does not verify',
  expired: 'the agent token has expired',
};

/** Agent sign-in (S14) and the agent-token check the gateway runs; internal only. */
@Controller('internal/agents')
export class AgentSignInController {
  constructor(private readonly agents: AgentSignIn) {}

  /** One 401 for an unknown organization, an unknown email and a wrong password. */
  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Body(new ZodValidationPipe(AgentSignInBody)) body: AgentSignInBody,
  ): Promise<AgentSignedIn> {
    const signedIn = await this.agents.signIn(body);
    if (!signedIn) {
      throw new HttpException(
        {
          statusCode: 401,
          error: 'AGENT_SIGN_IN_REJECTED',
          message: 'unknown organization, email or password',
        },
        401,
      );
    }
    return signedIn;
  }

  @Post('verify')
  @HttpCode(200)
  verify(@Body(new ZodValidationPipe(TokenBody)) body: TokenBody) {
    const result = this.agents.verify(body.token);
    if (!result.ok) {
      throw new HttpException(
        {
          statusCode: 401,
          error: 'AGENT_TOKEN_REJECTED',
          reason: result.reason,
          message: explanations[result.reason],
        },
        401,
      );
    }
    const { agentId, organizationDomain, email, name, expiresAt } = result.claims;
    return { agentId, organizationDomain, email, name, expiresAt: expiresAt.toISOString() };
  }
}
