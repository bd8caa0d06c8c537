#!/usr/bin/env bash
# compose/postgres/passwords.sh: the password rules of the deployment's PostgreSQL, sourced by entrypoint.sh (the
# postgres service, before PostgreSQL first initialises its data directory) and init-databases.sh (the db-init job).

# check_password NAME VALUE [url]: exits naming NAME when VALUE is empty, the .env.example placeholder, or shorter
# than 16 characters; with `url`, also when it would need escaping in a postgres:// URL.
check_password() {
  local name="$1" value="$2"
  [[ -n "$value" ]] || die "$name is empty; set it in compose/.env"
  [[ "$value" != *CHANGE-ME* ]] || die "$name is still the .env.example placeholder; generate one: openssl rand -hex 32"
  ((${#value} >= 16)) || die "$name is shorter than 16 characters; generate one: openssl rand -hex 32"
  if [[ "${3:-}" == url && ! "$value" =~ ^[A-Za-z0-9._~-]+$ ]]; then
    die "$name goes into VI_POSTGRES_URL and may only hold A-Z a-z 0-9 . _ ~ -; generate one: openssl rand -hex 32"
  fi
}
