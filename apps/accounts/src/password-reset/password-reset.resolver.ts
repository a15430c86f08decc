import { Args, ArgsType, Field, Mutation, Resolver } from '@nestjs/graphql';
import { IsEmailAddress } from '@passerelle/graphql';
import { AuthPayload } from '../sessions/auth-payload.model';
import { UsersService } from '../users/users.service';
import { PasswordResetService } from './password-reset.service';
import { ResetPasswordInput } from './reset-password.input';

@ArgsType()
class RequestPasswordResetArgs {
  @Field()
  @IsEmailAddress()
  email: string;
}

@Resolver()
export class PasswordResetResolver {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => Boolean, {
    description: 'Always true, whether or not an account has this email; sends a reset link when one does',
  })
  async requestPasswordReset(@Args() { email }: RequestPasswordResetArgs): Promise<boolean> {
    await this.resets.request(email);
    return true;
  }

  @Mutation(() => AuthPayload, {
    description:
      'A new password with the token from the emailed link (valid 1 h, once); every refresh token of the account is revoked',
  })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<AuthPayload> {
    return this.users.authPayload(await this.resets.reset(input));
  }
}
