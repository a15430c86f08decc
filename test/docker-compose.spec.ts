import { SUBGRAPH_NAMES, subgraphVariable } from '@passerelle/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docker-compose.yml cannot be run here, so it is read: every subgraph the code describes has its
 * service, command, port, URL, database role and password there, and no other subgraph does.
 */
describe('docker-compose.yml', () => {
  const compose = readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8');
  const servicesSection = compose.slice(compose.indexOf('\nservices:\n'), compose.indexOf('\nvolumes:\n'));
  const services = [...servicesSection.matchAll(/^ {2}([a-z-]+):$/gm)].map((match) => match[1]);

  it('runs exactly the described subgraphs, besides PostgreSQL and the gateway', () => {
    expect(services.sort()).toEqual(['gateway', 'postgres', ...SUBGRAPH_NAMES].sort());
    expect(compose).toMatch(new RegExp(`^ {6}PASSERELLE_SUBGRAPHS: ${SUBGRAPH_NAMES.join(' ')}$`, 'm'));
  });

  it.each(SUBGRAPH_NAMES.map((name) => [name] as const))('describes %s in full', (name) => {
    const service = serviceBlock(compose, name);
    expect(service).toContain(`command: ['node', 'dist/apps/${name}/src/main.js']`);
    const password = subgraphVariable(name, 'DATABASE_PASSWORD');
    expect(service).toMatch(new RegExp(`DATABASE_URL: postgres://passerelle_${name}:\\$\\{${password}:\\?`));
    expect(serviceBlock(compose, 'postgres')).toMatch(new RegExp(`^ {6}${password}: \\$\\{${password}:\\?`, 'm'));
    expect(compose).toMatch(new RegExp(`^ {4}${subgraphVariable(name, 'PORT')}: \\d+$`, 'm'));
    expect(compose).toMatch(new RegExp(`^ {4}${subgraphVariable(name, 'URL')}: http://${name}:\\d+$`, 'm'));
  });
});

/** The lines of one service, up to the next one. */
function serviceBlock(compose: string, name: string): string {
  const start = compose.indexOf(`\n  ${name}:\n`);
  if (start < 0) throw new Error(`No service ${name} in docker-compose.yml`);
  const next = compose.slice(start + 1).search(/\n {2}[a-z-]+:\n|\n[a-z]/);
  return compose.slice(start, next < 0 ? undefined : start + 1 + next);
}
