import { Field, ID, InputType } from '@nestjs/graphql';
import { IsName } from '../../common/validators';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class CreateOrganizationInput {
  @Field(() => ID)
  networkId: string;

  @Field({ description: 'The employer, as it appears on statements' })
  @IsName()
  name: string;
}
