import { Field, ID, InputType } from '@nestjs/graphql';
import { IsId, IsName } from '@passerelle/graphql';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class CreateOrganizationInput {
  @Field(() => ID)
  @IsId()
  networkId: string;

  @Field({ description: 'The employer, as it appears on statements' })
  @IsName()
  name: string;
}
