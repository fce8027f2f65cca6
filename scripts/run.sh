#!/usr/bin/env bash
# Start Rasa, the action server and the API; Ctrl-C stops all. The store is the embedded
# SQLite file unless DATABASE_URL names a PostgreSQL server; then Rasa's tracker store goes
# to the same server (its own database), and with REDIS_URL its lock store to Redis
# (scripts/rasa_env.py, bot/endpoints.yml, docs/deploy.md).
set -euo pipefail
# Development secrets for a loopback-only run; a deployment sets its own.
export ACTION_SERVER_TOKEN=${ACTION_SERVER_TOKEN:-dev-action-token}
# Development conveniences (default keys, the simulator) only on this loopback-only run.
export ENVIRONMENT=${ENVIRONMENT:-development}
cd "$(dirname "$0")/.."
model=${1:?usage: scripts/run.sh MODEL}
mkdir -p var/log
export RASA_TOKEN=${RASA_TOKEN:-dev-rasa-token}
export RASA_URL=${RASA_URL:-http://127.0.0.1:5005}
API_PORT=${API_PORT:-8000}

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "stopping…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped"
}
trap stop INT TERM EXIT

.venv/bin/intake db upgrade >/dev/null
eval "$(.venv/bin/python scripts/rasa_env.py)"  # Rasa's tracker and lock stores
.venv/bin/python -m actions.server -p 5055 >var/log/actions.log 2>&1 &
pids+=($!)
.venv-rasa/bin/rasa run --model "$model" --enable-api --auth-token "$RASA_TOKEN" \
  -i 127.0.0.1 -p 5005 --endpoints bot/endpoints.yml --credentials bot/credentials.yml \
  >var/log/rasa.log 2>&1 &
pids+=($!)
.venv/bin/uvicorn --factory api.main:create_app --host "${API_HOST:-127.0.0.1}" --port "$API_PORT" \
  >var/log/api.log 2>&1 &
pids+=($!)

echo "waiting for the three processes (logs in var/log/) …"
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$API_PORT/healthz" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "a process stopped early; see var/log/"; exit 1; }
  done
  sleep 1
done
cat <<INFO
Rasa server     http://127.0.0.1:5005   (REST channel: /webhooks/rest/webhook; API token set)
action server   http://127.0.0.1:5055
API             http://127.0.0.1:$API_PORT   (/healthz, /docs, /api/cases)
store           ${DATABASE_URL:-sqlite var/intake.db}
Rasa's trackers $RASA_TRACKER_DIALECT ${RASA_TRACKER_HOST:+$RASA_TRACKER_HOST:$RASA_TRACKER_PORT/}$RASA_TRACKER_DB, lock store $RASA_LOCK_STORE
Talk to the bot:
  curl -s localhost:5005/webhooks/rest/webhook -d '{"sender":"+8613800000001","message":"申请低保"}'
Ctrl-C stops all three.
INFO
wait -n "${pids[@]}" || true
echo "a process stopped; see var/log/"
