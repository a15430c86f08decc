import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@passerelle/auth';
import { UsersService } from '../users/users.service';
import { AuthPayload } from './auth-payload.model';
import { LogInInput } from './dto/log-in.input';
import { SignUpInput } from './dto/sign-up.input';
import { Session, SessionsService } from './sessions.service';

@Resolver()
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AuthPayload, {
    description: 'Creates an account, or claims the one an invitation made for this email',
  })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    return this.payload(await this.sessions.signUp(input));
  }

  @Mutation(() => AuthPayload)
  async logIn(@Args('input') input: LogInInput, @Context() context: RequestContext): Promise<AuthPayload> {
    return this.payload(await this.sessions.logIn(input, context.clientAddress));
  }

  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for new tokens; the old one stops working' })
  async refreshToken(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.payload(await this.sessions.refresh(refreshToken));
  }

  private payload(session: Session): AuthPayload {
    return {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
      refreshToken: session.refreshToken,
      // The request carried no token yet, but the session is the user's own.
      user: this.users.toModel(session.user, { shownToSelf: true }),
    };
  }
}
