import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmailAddress, IsId } from '@passerelle/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Role } from '../../access/role';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class GrantRoleInput {
  @Field({ description: 'An account is invited for this email when none exists' })
  @IsEmailAddress()
  email: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'NETWORK_ADMIN: the network' })
  @IsOptional()
  @IsId()
  networkId?: string | null;

  @Field(() => ID, { nullable: true, description: 'SPACE_OPERATOR: the space' })
  @IsOptional()
  @IsId()
  spaceId?: string | null;
}
