import { Field, Float, InputType } from '@nestjs/graphql';
import { IsISO31661Alpha2, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { IsSlug, IsTimeZone, Trimmed, UpperCased } from '../../common/validators';
import { IsName } from '@passerelle/graphql';
import { NetworkSchema } from '../../network.schema';

@InputType({ registerIn: NetworkSchema })
export class RegisterSpaceInput {
  @Field({ description: 'Lowercase letters, digits and hyphens, 3 to 63 characters, unique' })
  @IsSlug()
  slug: string;

  @Field()
  @IsName()
  name: string;

  @Field()
  @IsName(100)
  city: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. FR' })
  @UpperCased()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as FR' })
  country: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trimmed()
  @IsNotEmpty({ message: 'address must not be empty when given' })
  @MaxLength(500)
  address?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90, { message: 'latitude must be between -90 and 90' })
  @Max(90, { message: 'latitude must be between -90 and 90' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180, { message: 'longitude must be between -180 and 180' })
  @Max(180, { message: 'longitude must be between -180 and 180' })
  longitude?: number | null;

  @Field({ nullable: true, defaultValue: 'Europe/Paris', description: "IANA zone of the space's local dates" })
  @Trimmed()
  @IsTimeZone()
  timezone: string;
}
