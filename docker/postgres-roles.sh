#!/bin/sh
# Run once by the postgres image on a new volume (docker-entrypoint-initdb.d): one role per subgraph,
# no superuser, owning its own schema and nothing else. Passwords come from .env (npm run keys).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v accounts_password="$ACCOUNTS_DATABASE_PASSWORD" \
  -v network_password="$NETWORK_DATABASE_PASSWORD" \
  -v settlement_password="$SETTLEMENT_DATABASE_PASSWORD" <<'SQL'
CREATE ROLE passerelle_accounts LOGIN PASSWORD :'accounts_password';
CREATE ROLE passerelle_network LOGIN PASSWORD :'network_password';
CREATE ROLE passerelle_settlement LOGIN PASSWORD :'settlement_password';
CREATE SCHEMA accounts AUTHORIZATION passerelle_accounts;
CREATE SCHEMA network AUTHORIZATION passerelle_network;
CREATE SCHEMA settlement AUTHORIZATION passerelle_settlement;
SQL
