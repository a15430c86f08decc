import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@passerelle/auth';
import { IdPipe, UnauthenticatedError } from '@passerelle/graphql';
import { SpaceEntity } from '../spaces/space.entity';
import { Space } from '../spaces/space.model';
import { SpacesService } from '../spaces/spaces.service';
import { RegisterScannerInput } from './dto/register-scanner.input';
import { ScannerEntity } from './scanner.entity';
import { Scanner, ScannerRegistration } from './scanner.model';
import { ScannersService } from './scanners.service';

import { Allow } from '../access/allow.decorator';
import { Permission } from '../access/permissions';
@Resolver(() => Scanner)
export class ScannersResolver {
  constructor(
    private readonly scanners: ScannersService,
    private readonly spaces: SpacesService,
  ) {}

  // Who may: a scanner, about itself; there is no resource to guard, only its own device token.
  @Query(() => Scanner, {
    description: 'The scanner whose device token makes this request (a front desk checks its setup)',
  })
  async currentScanner(@CurrentCaller() caller: Caller): Promise<ScannerEntity> {
    const scanner = caller.kind === 'scanner' ? await this.scanners.findById(caller.scannerId) : null;
    if (!scanner) throw new UnauthenticatedError('This needs a valid scanner token.');
    return scanner;
  }

  @Allow(Permission.OPERATE_SPACE, { resource: 'input.spaceId', action: 'register its scanners' })
  @Mutation(() => ScannerRegistration, {
    description: 'Space operator: a front-desk device; its token is returned once and can only check in at that space',
  })
  registerScanner(
    @Args('input') input: RegisterScannerInput,
    @CurrentCaller() caller: Caller,
  ): Promise<{ scanner: ScannerEntity; token: string }> {
    return this.scanners.register(input, caller);
  }

  @Allow(Permission.OPERATE_SPACE, { resource: 'scannerId', from: 'scanner', action: 'revoke its scanners' })
  @Mutation(() => Scanner, { description: "Space operator: the scanner's token stops working at once" })
  revokeScanner(@Args('scannerId', { type: () => ID }, IdPipe) scannerId: string): Promise<ScannerEntity> {
    return this.scanners.revoke(scannerId);
  }

  @ResolveField(() => Space)
  async space(@Parent() scanner: ScannerEntity, @Context() context: object): Promise<SpaceEntity> {
    return (await this.spaces.load(context, scanner.spaceId))!;
  }
}
