import { Field, ID, InputType } from '@nestjs/graphql';
import { IsName } from '../../common/validators';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class RegisterScannerInput {
  @Field(() => ID)
  spaceId: string;

  @Field({ description: 'How the front desk calls this device, e.g. "Front desk tablet"' })
  @IsName(100)
  name: string;
}
