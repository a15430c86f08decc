/**
 * Prints fresh secrets for a production-like run, as lines for a `.env` file:
 *   npm run --silent keys > .env
 */
import { randomBytes } from 'node:crypto';
import { generateEs256KeyPair } from '@passerelle/auth';
import { SUBGRAPH_NAMES, subgraphVariable } from '@passerelle/config';

const pair = generateEs256KeyPair();
const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');
console.log(`ACCESS_TOKEN_PRIVATE_KEY="${oneLine(pair.privateKeyPem)}"`);
console.log(`ACCESS_TOKEN_PUBLIC_KEY="${oneLine(pair.publicKeyPem)}"`);
console.log(`INTERNAL_API_KEY=${randomBytes(32).toString('hex')}`);
console.log(`QR_KEY_ENCRYPTION_SECRET=${randomBytes(32).toString('hex')}`);
// docker-compose.yml: the superuser's password, and one per subgraph's role (hex: safe inside a URL).
for (const name of [
  'POSTGRES_PASSWORD',
  ...SUBGRAPH_NAMES.map((name) => subgraphVariable(name, 'DATABASE_PASSWORD')),
]) {
  console.log(`${name}=${randomBytes(24).toString('hex')}`);
}
