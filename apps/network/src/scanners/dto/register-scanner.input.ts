import { Field, ID, InputType } from '@nestjs/graphql';
import { IsId, IsName } from '@passerelle/graphql';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class RegisterScannerInput {
  @Field(() => ID)
  @IsId()
  spaceId: string;

  @Field({ description: 'How the front desk calls this device, e.g. "Front desk tablet"' })
  @IsName(100)
  name: string;
}
