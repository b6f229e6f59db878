# The development user registry: one user per role, passwords generated on first run, printed
# once, and kept in var/secrets/dev-users.properties (mode 600). Liberty reads them from the
# environment (server.xml: ${env.FROSTER_ADMIN_PASSWORD} ...). Production plugs LDAP/OIDC
# instead (liberty-config/README.md).
# shellcheck shell=bash

FROSTER_ROLES="archivist tagger admin"

provision_dev_users() {
  local file=$FROSTER_SECRETS/dev-users.properties role password
  if [ ! -f "$file" ]; then
    for role in $FROSTER_ROLES; do
      printf '%s=%s\n' "$role" "$(random_secret)"
    done | write_private "$file"
    say "development users created (shown once; kept in $file):"
    sed 's/^/    /; s/=/  password: /' "$file" >&2
  fi
  for role in $FROSTER_ROLES; do
    password=$(sed -n "s/^$role=//p" "$file")
    [ -n "$password" ] || die "$file has no password for '$role': delete the file to generate new ones"
    export "FROSTER_$(echo "$role" | tr a-z A-Z)_PASSWORD=$password"
  done
}
