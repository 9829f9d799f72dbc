#!/usr/bin/env bash
# Verifies the imported realms (ecosystem, espoo, vantaa) against a running Keycloak.
#
#   deploy/keycloak/verify-realm.sh [KEYCLOAK_BASE_URL]      (default http://localhost:8180)
#
# Assumes Keycloak is running with deploy/keycloak/*.json imported (--import-realm).
# Needs curl and python3. Set VERBOSE=1 to trace every browser step.
# Exits non-zero on the first failed check.
#
# Checks:
#  a) client-credentials tokens of the integrators helsinki-bi and uusimaa-reporting
#     (claim organization, scope)
#  b) authorization-code + PKCE login of a local user (aino.virtanen, Helsinki) at client gateway
#  c) the same for a user brokered from the Espoo realm (sanna.makela, kc_idp_hint=espoo-sso)
#  d) the Vantaa broker reached through the e-mail domain of the organization (no hint at all)
set -euo pipefail

KC="${1:-http://localhost:8180}"
KC="${KC%/}"
REALM=ecosystem
TOKEN_URL="$KC/realms/$REALM/protocol/openid-connect/token"
AUTH_URL="$KC/realms/$REALM/protocol/openid-connect/auth"
GW_CLIENT=gateway
GW_SECRET="${GATEWAY_CLIENT_SECRET:-gateway-local-secret}"
GW_REDIRECT="http://localhost:8080/login/oauth2/code/keycloak"
VERBOSE="${VERBOSE:-0}"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FAILURES=0

log()  { printf '%s\n' "$*"; }
dbg()  { if [ "$VERBOSE" = 1 ]; then printf '    . %s\n' "$*" >&2; fi; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
pass() { printf 'ok   %s\n' "$*"; }

# --- helpers ---------------------------------------------------------------------------------

# jwt_payload TOKEN -> pretty JSON of the payload
jwt_payload() {
  python3 - "$1" <<'PY'
import sys, json, base64
p = sys.argv[1].split(".")[1]
p += "=" * (-len(p) % 4)
print(json.dumps(json.loads(base64.urlsafe_b64decode(p)), ensure_ascii=False, indent=2))
PY
}

# json_get JSON EXPR  (EXPR is a python expression over `d`)
json_get() {
  python3 -c 'import sys,json; d=json.loads(sys.argv[1]); r=eval(sys.argv[2]); print(json.dumps(r, ensure_ascii=False) if not isinstance(r,str) else r)' "$1" "$2"
}

# claims_summary PAYLOAD_JSON -> one line with the claims we care about
claims_summary() {
  python3 -c '
import sys, json
d = json.loads(sys.argv[1])
keys = ["azp", "preferred_username", "email", "organization", "scope"]
out = {k: d[k] for k in keys if k in d}
out["realm_access.roles"] = sorted((d.get("realm_access") or {}).get("roles", []))
print(json.dumps(out, ensure_ascii=False))' "$1"
}

# assert_py PAYLOAD_JSON PYTHON_BOOL_EXPR DESCRIPTION
assert_py() {
  if python3 -c 'import sys,json; d=json.loads(sys.argv[1]); sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"; then
    pass "$3"
  else
    fail "$3  (expression: $2)"
  fi
}

# parse_form HTML_FILE -> JSON {"action": ..., "fields": {name: value}} of the login form, or {} if none
parse_form() {
  python3 - "$1" <<'PY'
import sys, json
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.forms = []; self.cur = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.cur = {"action": a.get("action", ""), "method": (a.get("method") or "get").lower(), "fields": {}, "id": a.get("id")}
            self.forms.append(self.cur)
        elif tag in ("input", "button") and self.cur is not None and a.get("name"):
            if tag == "button" and a.get("type", "submit") != "submit":
                return
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.cur["fields"].setdefault(a["name"], a.get("value") or "")
    def handle_endtag(self, tag):
        if tag == "form":
            self.cur = None
p = P()
p.feed(open(sys.argv[1], encoding="utf-8", errors="replace").read())
forms = [f for f in p.forms if f["method"] == "post"]
best = next((f for f in forms if "username" in f["fields"] or "password" in f["fields"]), forms[0] if forms else None)
print(json.dumps(best or {}))
PY
}

# page_error HTML_FILE -> visible Keycloak error/alert text, if any
page_error() {
  python3 - "$1" <<'PY'
import sys, re, html
t = open(sys.argv[1], encoding="utf-8", errors="replace").read()
m = re.search(r'id="input-error[^"]*"[^>]*>(.*?)</', t, re.S) or re.search(r'class="[^"]*(?:alert-error|pf-m-danger|kc-feedback-text)[^"]*"[^>]*>(.*?)</div>', t, re.S)
title = re.search(r"<title>(.*?)</title>", t, re.S)
msg = re.sub(r"<[^>]+>", " ", m.group(1)) if m else ""
print(html.unescape(" ".join(msg.split()) or (title.group(1).strip() if title else "")))
PY
}

# browser_login NAME START_URL USERNAME PASSWORD
#   Drives the browser flow with a cookie jar: follows redirects, fills username/password
#   forms (identity-first or combined), and stops at the redirect to the gateway redirect URI.
#   Sets CODE and VISITED (the hosts/paths passed through).
browser_login() {
  local name="$1" url="$2" user="$3" pass="$4"
  local jar="$WORK/$name.jar" hdr="$WORK/$name.hdr" body="$WORK/$name.html"
  local method=GET status location form action i
  local -a data=()
  CODE=""; VISITED=""
  : > "$jar"
  for i in $(seq 1 20); do
    if [ "$method" = GET ]; then
      status=$(curl -s -o "$body" -D "$hdr" -w '%{http_code}' -b "$jar" -c "$jar" "$url") || fail "$name: curl failed for $url"
    else
      status=$(curl -s -o "$body" -D "$hdr" -w '%{http_code}' -b "$jar" -c "$jar" -X POST "${data[@]}" "$url") || fail "$name: curl failed for $url"
    fi
    dbg "$method $(printf '%s' "$url" | cut -c1-150) -> $status"
    VISITED="$VISITED $(python3 -c 'import sys,urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(p.path)' "$url")"
    case "$status" in
      301|302|303|307)
        location=$(grep -i '^location:' "$hdr" | head -n1 | sed -E 's/^[^:]*:[[:space:]]*//' | tr -d '\r')
        [ -n "$location" ] || fail "$name: HTTP $status without Location at $url"
        case "$location" in /*) location="$KC$location" ;; esac
        if [[ "$location" == "$GW_REDIRECT"* ]]; then
          CODE=$(python3 -c 'import sys,urllib.parse as u; q=u.parse_qs(u.urlsplit(sys.argv[1]).query); print(q.get("code",[""])[0]); e=q.get("error"); e and sys.stderr.write("error=%s %s\n"%(e, q.get("error_description")))' "$location")
          dbg "redirect to gateway: $(printf '%s' "$location" | cut -c1-120)..."
          [ -n "$CODE" ] || fail "$name: redirect to the gateway without code: $location"
          return 0
        fi
        url="$location"; method=GET; data=()
        ;;
      200)
        form=$(parse_form "$body")
        if [ "$form" = "{}" ]; then
          fail "$name: page without login form at $url: $(page_error "$body")"
        fi
        action=$(json_get "$form" 'd["action"]')
        case "$action" in /*) action="$KC$action" ;; esac
        data=()
        while IFS= read -r kv; do
          data+=(--data-urlencode "$kv")
        done < <(python3 -c '
import sys, json
d = json.loads(sys.argv[1])["fields"]
user, pw = sys.argv[2], sys.argv[3]
if "username" in d: d["username"] = user
if "password" in d: d["password"] = pw
for k, v in d.items(): print(f"{k}={v}")' "$form" "$user" "$pass")
        dbg "form fields: $(json_get "$form" 'sorted(d["fields"].keys())')"
        if [ "$url" = "$action" ] && [ "$i" -gt 12 ]; then fail "$name: stuck on a form: $(page_error "$body")"; fi
        local err; err=$(page_error "$body")
        if grep -q 'aria-invalid="true"' "$body"; then fail "$name: login form reports: $err"; fi
        url="$action"; method=POST
        ;;
      *)
        fail "$name: unexpected HTTP $status at $url: $(page_error "$body")"
        ;;
    esac
  done
  fail "$name: too many steps, last URL $url"
}

# code_flow NAME USERNAME PASSWORD [EXTRA_QUERY] [SCOPE]  -> sets ACCESS (payload JSON) and ID_TOKEN_PAYLOAD
code_flow() {
  local name="$1" user="$2" pass="$3" extra="${4:-}" scope="${5:-openid}"
  local verifier challenge state nonce resp at it
  verifier=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
  challenge=$(python3 -c 'import sys,hashlib,base64; print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).decode().rstrip("="))' "$verifier")
  state=$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')
  nonce=$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')
  local start="$AUTH_URL?response_type=code&client_id=$GW_CLIENT&scope=$(python3 -c 'import sys,urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' "$scope")&state=$state&nonce=$nonce"
  start="$start&redirect_uri=$(python3 -c 'import sys,urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' "$GW_REDIRECT")"
  start="$start&code_challenge=$challenge&code_challenge_method=S256$extra"
  browser_login "$name" "$start" "$user" "$pass"
  log "     path:$(printf '%s' "$VISITED" | sed -E 's#/realms/##g' | tr ' ' '\n' | awk 'NF && $0!=p {printf " %s", $0; p=$0}')"
  resp=$(curl -s -X POST "$TOKEN_URL" \
    --data-urlencode grant_type=authorization_code \
    --data-urlencode "code=$CODE" \
    --data-urlencode "redirect_uri=$GW_REDIRECT" \
    --data-urlencode "code_verifier=$verifier" \
    --data-urlencode "client_id=$GW_CLIENT" \
    --data-urlencode "client_secret=$GW_SECRET")
  at=$(json_get "$resp" 'd.get("access_token","")')
  [ -n "$at" ] || fail "$name: code exchange failed: $resp"
  ACCESS=$(jwt_payload "$at")
  it=$(json_get "$resp" 'd.get("id_token","")')
  ID_TOKEN_PAYLOAD=$(jwt_payload "$it")
  assert_py "$ID_TOKEN_PAYLOAD" "d.get('nonce') == '$nonce'" "$name: id_token nonce matches"
}

# --- checks ----------------------------------------------------------------------------------

log "Keycloak: $KC (realm $REALM)"
curl -sf -o /dev/null "$KC/realms/$REALM/.well-known/openid-configuration" || fail "realm $REALM not reachable at $KC"
for r in espoo vantaa; do
  curl -sf -o /dev/null "$KC/realms/$r/.well-known/openid-configuration" || fail "realm $r not reachable at $KC"
done
pass "realms ecosystem, espoo, vantaa reachable"

log ""
log "== a) integrator tokens (client_credentials)"
for spec in "helsinki-bi:helsinki:projects:read projects:write contacts:read contacts:write events:read events:write" \
            "uusimaa-reporting:uusimaa:projects:read events:read"; do
  client=${spec%%:*}; rest=${spec#*:}; org=${rest%%:*}; scopes=${rest#*:}
  secret_var="$(echo "${client}_SECRET" | tr 'a-z-' 'A-Z_')"
  secret="${!secret_var:-$client-local-secret}"
  resp=$(curl -s -X POST "$TOKEN_URL" -d grant_type=client_credentials -d "client_id=$client" --data-urlencode "client_secret=$secret")
  at=$(json_get "$resp" 'd.get("access_token","")')
  [ -n "$at" ] || fail "$client: no token: $resp"
  p=$(jwt_payload "$at")
  log "   $client: $(claims_summary "$p")"
  assert_py "$p" "d.get('organization') == ['$org']" "$client: organization == [\"$org\"]"
  assert_py "$p" "set('$scopes'.split()) <= set(d.get('scope','').split())" "$client: scope contains $scopes"
  assert_py "$p" "not ({'projects:write','contacts:read','contacts:write','events:write'} & set(d.get('scope','').split())) if '$client' == 'uusimaa-reporting' else True" "$client: no scopes beyond its own"
done
# an integrator must not get scopes it does not have
resp=$(curl -s -X POST "$TOKEN_URL" -d grant_type=client_credentials -d client_id=uusimaa-reporting \
  --data-urlencode "client_secret=${UUSIMAA_REPORTING_SECRET:-uusimaa-reporting-local-secret}" --data-urlencode "scope=projects:write")
p=$(jwt_payload "$(json_get "$resp" 'd.get("access_token","")')" 2>/dev/null || echo '{}')
assert_py "$p" "'projects:write' not in d.get('scope','').split()" "uusimaa-reporting: asking for scope=projects:write does not grant it"
# direct access grants are off for the gateway
resp=$(curl -s -X POST "$TOKEN_URL" -d grant_type=password -d client_id=gateway --data-urlencode "client_secret=$GW_SECRET" -d username=aino.virtanen -d password=demo)
assert_py "$resp" "d.get('error') == 'unauthorized_client'" "gateway: password grant refused ($(json_get "$resp" 'd.get("error")'))"

log ""
log "== b) local user aino.virtanen (Helsinki) - authorization code + PKCE at client gateway"
code_flow helsinki aino.virtanen demo
log "   access token: $(claims_summary "$ACCESS")"
assert_py "$ACCESS" "d.get('organization') == ['helsinki']" "helsinki: organization == [\"helsinki\"]"
assert_py "$ACCESS" "{'staff','project-manager'} <= set(d['realm_access']['roles']) and 'admin' not in d['realm_access']['roles']" "helsinki: roles staff + project-manager"
assert_py "$ACCESS" "d.get('azp') == 'gateway' and d.get('iss','').endswith('/realms/ecosystem')" "helsinki: azp gateway, issuer ecosystem"

log ""
log "== c) Espoo user sanna.makela brokered from realm espoo (kc_idp_hint=espoo-sso)"
code_flow espoo sanna.makela demo "&kc_idp_hint=espoo-sso"
log "   access token: $(claims_summary "$ACCESS")"
assert_py "$ACCESS" "d.get('organization') == ['espoo']" "espoo: organization == [\"espoo\"]"
assert_py "$ACCESS" "{'staff','project-manager'} <= set(d['realm_access']['roles']) and 'event-organiser' not in d['realm_access']['roles']" "espoo: mapped roles staff + project-manager"
assert_py "$ACCESS" "d.get('preferred_username') == 'sanna.makela' and d.get('email') == 'sanna.makela@espoo.example.org'" "espoo: username and e-mail taken from the city IdP"

log ""
log "== d) Vantaa user riikka.jokinen: no hint, e-mail domain vantaa.example.org redirects to vantaa-sso"
code_flow vantaa riikka.jokinen@vantaa.example.org demo
log "   access token: $(claims_summary "$ACCESS")"
case "$VISITED" in *"/realms/vantaa/"*) pass "vantaa: went through the Vantaa realm" ;; *) fail "vantaa: did not pass the Vantaa realm" ;; esac
assert_py "$ACCESS" "d.get('organization') == ['vantaa']" "vantaa: organization == [\"vantaa\"]"
assert_py "$ACCESS" "{'staff','event-organiser'} <= set(d['realm_access']['roles']) and 'project-manager' not in d['realm_access']['roles']" "vantaa: mapped roles staff + event-organiser"

log ""
log "All checks passed."
