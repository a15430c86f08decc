import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, MaxLength } from 'class-validator';
import { Role } from '../../access/role';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class GrantRoleInput {
  @Field({ description: 'An account is invited for this email when none exists' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'NETWORK_ADMIN: the network' })
  networkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'SPACE_OPERATOR: the space' })
  spaceId?: string | null;
}
