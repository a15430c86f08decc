import { Field, ID, InputType } from '@nestjs/graphql';
import { IsId } from '@passerelle/graphql';
import { IsDate, IsOptional, IsString, Length } from 'class-validator';
import { NetworkSchema } from '../../network.schema';
import { SYNC_WINDOW_DAYS } from '../check-in-policy';

@InputType({ registerIn: NetworkSchema })
export class CheckInInput {
  @Field(() => ID)
  @IsId()
  spaceId: string;

  /**
   * Any string, as long as the request size limit lets it be: one that is no credential is a
   * rejection (INVALID_CREDENTIAL), not an input error, however long. Only its hash is stored.
   */
  @Field({ description: 'The scanned QR token, or a pass serial typed by hand' })
  @IsString()
  credential: string;

  @Field({
    description:
      'Chosen by the scanner for this scan, 8 to 128 characters; sending it again returns the first result and changes nothing',
  })
  @Length(8, 128, { message: 'idempotencyKey must be 8 to 128 characters long' })
  idempotencyKey: string;

  @Field(() => Date, {
    nullable: true,
    description: `When the scan happened, for offline uploads; defaults to now; at most ${SYNC_WINDOW_DAYS} days ago`,
  })
  @IsOptional()
  @IsDate()
  occurredAt?: Date | null;
}
