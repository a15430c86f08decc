import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@passerelle/auth';
import { SignUpService } from '../sign-up/sign-up.service';
import { UsersService } from '../users/users.service';
import { AuthPayload } from './auth-payload.model';
import { LogInInput } from './dto/log-in.input';
import { SignUpInput } from './dto/sign-up.input';
import { SessionsService } from './sessions.service';

@Resolver()
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly signUps: SignUpService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AuthPayload, {
    description: 'Creates an account, or claims the one an invitation made for this email',
  })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    return this.users.authPayload(await this.signUps.signUp(input));
  }

  @Mutation(() => AuthPayload)
  async logIn(@Args('input') input: LogInInput, @Context() context: RequestContext): Promise<AuthPayload> {
    return this.users.authPayload(await this.sessions.logIn(input, context.clientAddress));
  }

  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for new tokens; the old one stops working' })
  async refreshToken(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return this.users.authPayload(await this.sessions.refresh(refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Revokes the whole family of this refresh token' })
  async logOut(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    await this.sessions.logOut(refreshToken);
    return true;
  }
}
