import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, requireUser } from '@passerelle/auth';
import { User } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { VerificationService } from './verification.service';

@Resolver()
export class VerificationResolver {
  constructor(
    private readonly verification: VerificationService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => Boolean, { description: 'Sends the caller a new verification link (at most one every minute)' })
  async requestEmailVerification(@CurrentCaller() caller: Caller): Promise<boolean> {
    await this.verification.request(requireUser(caller));
    return true;
  }

  @Mutation(() => User, {
    description:
      'Proves the caller owns their email, with the token from the emailed link (valid 48 h, once); what was granted to that email then reaches the account',
  })
  async verifyEmail(@Args('token') token: string, @CurrentCaller() caller: Caller): Promise<User> {
    const user = await this.verification.verify(requireUser(caller), token);
    return this.users.toModel(user, { shownToSelf: true });
  }
}
