#!/usr/bin/env bash
# A throw-away Samba Active Directory domain controller on the loopback address, for the real-AD tests.
#
#   samba-dc.sh install            Debian packages (skipped when present; never starts the system services)
#   samba-dc.sh provision          a new domain with a known policy, a TLS certificate for 127.0.0.1 and the
#                                  demo users -> $SAMBA_DC_DIR/golden (skipped when already there)
#   samba-dc.sh start              live := golden (when missing), start samba, wait for LDAPS, apply the demo states
#   samba-dc.sh stop               stop the samba this script started, wait for it to exit
#   samba-dc.sh reset              stop, live := a fresh copy of golden, start (a clean domain in about 3 s)
#   samba-dc.sh up                 install + provision + start (idempotent: what .ci/run calls)
#   samba-dc.sh status             pid and the LDAPS root DSE
#   samba-dc.sh env                the settings the tests read (LOCAL_TENANT_DIRECTORY_LDAP_*), as shell lines
#   samba-dc.sh age-password USER DAYS   pwdLastSet := now - DAYS days (AD's 532 needs an aged password:
#                                  Samba refuses such a pwdLastSet over LDAP, so it is written into the partition)
#
# Everything lives under $SAMBA_DC_DIR (default: /tmp/samba-dc). Samba listens on 127.0.0.1 only (LDAP 389,
# LDAPS 636, GC 3268/3269, Kerberos 88/464) and exits by itself after $SAMBA_DC_MAX_RUNTIME seconds.
set -euo pipefail

BASE="${SAMBA_DC_DIR:-/tmp/samba-dc}"
REALM="${SAMBA_DC_REALM:-EXAMPLE.TEST}"
DOMAIN="${SAMBA_DC_DOMAIN:-EXAMPLE}"
HOSTNAME_DC="${SAMBA_DC_HOSTNAME:-dc1}"
ADMINPASS="${SAMBA_DC_ADMINPASS:-Adm1n!Passw0rd}"
IP="127.0.0.1"
MAX_RUNTIME="${SAMBA_DC_MAX_RUNTIME:-5400}"
DEMO_PASSWORD="${SAMBA_DC_DEMO_PASSWORD:-Start-Passw0rd!}"
GOLDEN="$BASE/golden"
LIVE="$BASE/live"
CONF="$LIVE/etc/smb.conf"
PIDFILE="$LIVE/run/samba.pid"
realm_lc=$(echo "$REALM" | tr 'A-Z' 'a-z')
BASEDN="DC=${realm_lc//./,DC=}"

log() { echo "[samba-dc] $*" >&2; }

do_install() {
  if command -v samba >/dev/null && command -v samba-tool >/dev/null && command -v ldapsearch >/dev/null \
     && command -v ldbmodify >/dev/null && command -v openssl >/dev/null && [ -d /usr/share/samba/setup ]; then
    return 0
  fi
  export DEBIAN_FRONTEND=noninteractive
  local made_policy=0
  # the package scripts must not start the system's smbd/nmbd/winbind: they would listen on every address
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1
  fi
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq samba smbclient ldb-tools ldap-utils krb5-user winbind openssl >/dev/null
  if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  log "packages installed"
}

# Private log, pid and socket directories, only the LDAP and Kerberos services, loopback only, our own certificate.
set_option() {  # $1 = smb.conf, $2 = key, $3 = value (in [global])
  local conf="$1" key="$2" value="$3"
  if grep -qE "^[[:space:]]*$key[[:space:]]*=" "$conf"; then
    sed -i -E "s#^([[:space:]]*)$key[[:space:]]*=.*#\1$key = $value#" "$conf"
  else
    sed -i "0,/^\[global\]/s##[global]\n\t$key = $value#" "$conf"
  fi
}

write_conf_extras() {  # $1 = the directory holding etc/, private/, ...
  local d="$1" conf="$1/etc/smb.conf"
  set_option "$conf" "log file" "$d/log/samba.log"
  set_option "$conf" "pid directory" "$d/run"
  set_option "$conf" "winbindd socket directory" "$d/run/winbindd"
  set_option "$conf" "ntp signd socket directory" "$d/run/ntp_signd"
  set_option "$conf" "ncalrpc dir" "$d/run/ncalrpc"
  set_option "$conf" "server services" "ldap, kdc"
  set_option "$conf" "prefork children" "2"
  set_option "$conf" "interfaces" "$IP"
  set_option "$conf" "bind interfaces only" "yes"
  set_option "$conf" "tls enabled" "yes"
  set_option "$conf" "tls keyfile" "$d/private/tls/key.pem"
  set_option "$conf" "tls certfile" "$d/private/tls/cert.pem"
  set_option "$conf" "tls cafile" "$d/private/tls/ca.pem"
}

demo_user() {  # NAME GIVEN SURNAME [extra samba-tool options]
  local name="$1" given="$2" surname="$3"; shift 3
  samba-tool user create "$name" "$DEMO_PASSWORD" -s "$GOLDEN/etc/smb.conf" --use-username-as-cn \
    --given-name="$given" --surname="$surname" --mail-address="$name@corp.example" "$@" >/dev/null
}

do_provision() {
  if [ -f "$GOLDEN/.complete" ]; then return 0; fi
  rm -rf "$GOLDEN"; mkdir -p "$GOLDEN"/{log,run,cache,private/tls}
  samba-tool domain provision --realm="$REALM" --domain="$DOMAIN" --server-role=dc \
    --dns-backend=NONE --use-rfc2307 --host-name="$HOSTNAME_DC" --host-ip="$IP" \
    --adminpass="$ADMINPASS" --targetdir="$GOLDEN" \
    --option="interfaces=$IP" --option="bind interfaces only=yes" >"$GOLDEN/log/provision.log" 2>&1 \
    || { tail -20 "$GOLDEN/log/provision.log" >&2; return 1; }
  mkdir -p "$GOLDEN"/{log,run,cache,private/tls}
  write_conf_extras "$GOLDEN"
  # a certificate with 127.0.0.1 and localhost in its SANs, so that clients verify host names against ca.pem
  local t="$GOLDEN/private/tls"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=$HOSTNAME_DC.$realm_lc" \
    -addext "subjectAltName=IP:$IP,DNS:localhost,DNS:$HOSTNAME_DC.$realm_lc" \
    -keyout "$t/key.pem" -out "$t/cert.pem" 2>/dev/null
  chmod 600 "$t/key.pem"; cp "$t/cert.pem" "$t/ca.pem"
  # the domain policy the tests expect (minimum age 0, so that a test may change a password twice)
  samba-tool domain passwordsettings set -s "$GOLDEN/etc/smb.conf" --complexity=on --history-length=3 \
    --min-pwd-age=0 --max-pwd-age=42 --min-pwd-length=8 --account-lockout-threshold=3 \
    --account-lockout-duration=5 --reset-account-lockout-after=5 >/dev/null
  # the demo users of the embedded directory; their states that depend on time are applied at start
  demo_user alice Alice Adams
  demo_user bob Bob Baker
  demo_user carol Carol Clark
  demo_user dave Dave Davis --must-change-at-next-login
  demo_user erin Erin Evans
  demo_user frank Frank Fisher
  demo_user grace Grace Green
  samba-tool user disable frank -s "$GOLDEN/etc/smb.conf" >/dev/null
  touch "$GOLDEN/.complete"
  log "provisioned $REALM in $GOLDEN"
}

running_pid() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }

ldaps_bind() {  # USER PASSWORD: exit status of a bind + root DSE read
  LDAPTLS_CACERT="$LIVE/private/tls/ca.pem" ldapsearch -x -H "ldaps://$IP" -D "$1@$realm_lc" -w "$2" \
    -b '' -s base dnsHostName >/dev/null 2>&1
}

demo_states() {
  do_age_password carol 60
  local i
  for i in 1 2 3; do ldaps_bind erin "not-erins-password" || true; done
}

do_start() {
  local pid
  if pid=$(running_pid); then log "already running (pid $pid)"; return 0; fi
  if [ ! -f "$LIVE/.complete" ]; then
    rm -rf "$LIVE"; cp -a "$GOLDEN" "$LIVE"
    sed -i "s#$GOLDEN#$LIVE#g" "$CONF"
  fi
  local p
  for p in 389 636 88 464; do
    if (exec 3<>/dev/tcp/"$IP"/$p) 2>/dev/null; then log "port $IP:$p is already in use"; return 1; fi
  done
  samba -D -s "$CONF" --maximum-runtime="$MAX_RUNTIME"
  local i
  for i in $(seq 1 240); do
    if ldaps_bind Administrator "$ADMINPASS"; then
      demo_states
      log "up: ldaps://$IP:636 base $BASEDN (pid $(cat "$PIDFILE"))"
      return 0
    fi
    sleep 0.25
  done
  log "samba did not answer on ldaps://$IP within 60 s"; tail -20 "$LIVE"/log/samba.log >&2 || true; return 1
}

do_stop() {
  local pid i
  if ! pid=$(running_pid); then return 0; fi
  kill -TERM "$pid"
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || { log "stopped"; return 0; }; sleep 0.1; done
  log "samba $pid still alive after 10 s: SIGKILL to its process group"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
}

do_reset() { do_stop; rm -rf "$LIVE"; do_start; }

do_age_password() {  # USER DAYS
  local user="$1" days="$2" dn part val
  dn=$(ldbsearch -H "$LIVE/private/sam.ldb" "(sAMAccountName=$user)" dn 2>/dev/null | sed -n 's/^dn: //p' | head -1)
  [ -n "$dn" ] || { log "no such user $user"; return 1; }
  part="$LIVE/private/sam.ldb.d/$(echo "$BASEDN" | tr 'a-z' 'A-Z').ldb"
  val=$(( ( $(date +%s) - days * 86400 + 11644473600 ) * 10000000 ))
  printf 'dn: %s\nchangetype: modify\nreplace: pwdLastSet\npwdLastSet: %s\n' "$dn" "$val" \
    | ldbmodify -H "tdb://$part" >/dev/null
}

do_users() {  # PREFIX N: plain employees PREFIX001..PREFIXN with the demo password, for the benchmark's flows
  local prefix="$1" n="$2" i
  for i in $(seq 1 "$n"); do
    samba-tool user create "$(printf '%s%03d' "$prefix" "$i")" "$DEMO_PASSWORD" -H "$LIVE/private/sam.ldb" \
      --use-username-as-cn --given-name=Employee --surname="No. $i" >/dev/null
  done
}

do_env() {
  cat <<EOF
export SAMBA_DC_DIR="$BASE"
export LOCAL_TENANT_DIRECTORY_LDAP_URL="ldaps://$IP:636"
export LOCAL_TENANT_DIRECTORY_LDAP_BIND_DN="Administrator@$realm_lc"
export LOCAL_TENANT_DIRECTORY_LDAP_BIND_PASSWORD="$ADMINPASS"
export LOCAL_TENANT_DIRECTORY_LDAP_BASE_DN="$BASEDN"
export LOCAL_TENANT_DIRECTORY_LDAP_CA_FILE="$LIVE/private/tls/ca.pem"
EOF
}

case "${1:-up}" in
  install) do_install ;;
  provision) do_install; do_provision ;;
  start) do_start ;;
  stop) do_stop ;;
  reset) do_reset ;;
  up) do_install; do_provision; do_start ;;
  status)
    if pid=$(running_pid); then
      echo "running pid $pid"
      LDAPTLS_CACERT="$LIVE/private/tls/ca.pem" ldapsearch -LLL -x -H "ldaps://$IP" -D "Administrator@$realm_lc" \
        -w "$ADMINPASS" -b '' -s base dnsHostName defaultNamingContext
    else echo "not running"; exit 3; fi ;;
  env) do_env ;;
  age-password) do_age_password "$2" "$3" ;;
  users) do_users "$2" "$3" ;;
  *) echo "usage: $0 install|provision|start|stop|reset|up|status|env|age-password USER DAYS|users PREFIX N" >&2; exit 2 ;;
esac
