import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsEmailAddress, IsId, IsName, unsafeTextReason } from './text';

class Named {
  @IsName(20)
  name: string;
}

class Contact {
  @IsEmailAddress()
  email: string;

  @IsId()
  id: string;
}

const errorsOf = <T extends object>(type: new () => T, value: object) =>
  validateSync(plainToInstance(type, value)).flatMap((error) => Object.values(error.constraints ?? {}));

describe('text shown to other people', () => {
  it('takes ordinary names, accents and scripts, trimmed', () => {
    expect(errorsOf(Named, { name: '  La Cantine  ' })).toEqual([]);
    expect(errorsOf(Named, { name: 'Étymon — 東京' })).toEqual([]);
    expect(plainToInstance(Named, { name: '  La Serre ' }).name).toBe('La Serre');
  });

  it('refuses names that look empty, reverse the text or hold half a character', () => {
    expect(errorsOf(Named, { name: '   ' })).toContain('name must not be empty');
    expect(errorsOf(Named, { name: '\u200B\u200D\uFEFF' })).toContain('name must contain visible characters');
    expect(errorsOf(Named, { name: 'Acme\u202Egpj.exe' }).join()).toMatch(/reverses the text/);
    expect(errorsOf(Named, { name: 'Espace \ud800' }).join()).toMatch(/half of a character/);
    expect(errorsOf(Named, { name: 'x'.repeat(21) }).join()).toMatch(/20/);
  });

  it('keeps a well-formed pair of surrogates (an emoji) and says what is wrong otherwise', () => {
    expect(unsafeTextReason('Café ☕ 😀')).toBeNull();
    expect(unsafeTextReason('\udc00 Espace')).toMatch(/surrogate/);
  });

  it('lower-cases emails, refuses direction overrides in them, and wants ids as UUIDs', () => {
    expect(plainToInstance(Contact, { email: ' Camille@Example.ORG ' }).email).toBe('camille@example.org');
    const errors = errorsOf(Contact, { email: 'bob\u202E@example.org', id: 'not-a-uuid' }).join();
    expect(errors).toMatch(/email/);
    expect(errors).toMatch(/id must be an id this API gave out/);
    expect(errorsOf(Contact, { email: 'bob@example.org', id: '0190d9a4-5c2e-7b6a-9f00-123456789abc' })).toEqual([]);
  });
});
