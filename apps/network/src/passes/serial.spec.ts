import { newSerial, normalizeSerial, SERIAL_ALPHABET } from './serial';

describe('pass serials', () => {
  it('uses no character a person could misread', () => {
    for (let i = 0; i < 200; i += 1) {
      const serial = newSerial();
      expect(serial).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(serial).not.toMatch(/[01OILU]/);
    }
    expect(SERIAL_ALPHABET).toHaveLength(30);
  });

  it('reads back what a person typed, forgivingly', () => {
    expect(normalizeSerial(' k7qm 4xd2 ')).toBe('K7QM-4XD2');
    expect(normalizeSerial('K7QM-4XD2')).toBe('K7QM-4XD2');
    expect(normalizeSerial('K7QM-4XD')).toBeNull();
    expect(normalizeSerial('K7QM-4XD0')).toBeNull();
  });
});
