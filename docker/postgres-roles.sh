#!/bin/sh
# Run once by the postgres image on a new volume (docker-entrypoint-initdb.d): one role per subgraph,
# no superuser, owning its own schema and nothing else. docker-compose.yml names the subgraphs in
# PASSERELLE_SUBGRAPHS; each one's password comes from .env (npm run keys) as <NAME>_DATABASE_PASSWORD.
set -eu
for name in $PASSERELLE_SUBGRAPHS; do
  variable="$(echo "$name" | tr '[:lower:]' '[:upper:]')_DATABASE_PASSWORD"
  password="$(printenv "$variable")" || { echo "$variable is not set" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v schema="$name" -v role="passerelle_$name" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE SCHEMA :"schema" AUTHORIZATION :"role";
SQL
done
